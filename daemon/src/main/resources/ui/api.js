// Calls to the daemon's admin API with the signed-in token. The token lives in this tab's
// sessionStorage only: never in a cookie (no CSRF surface) and never in a URL (no history, no logs).

const KEY = 'driftd.token';

export class ApiFailure extends Error {
  // an RFC 9457 problem answer: its title (e.g. "no snapshot") and detail
  constructor(status, title, detail) {
    super(status + ' ' + (title || 'error') + (detail ? ': ' + detail : ''));
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

export const session = {
  token: () => sessionStorage.getItem(KEY),
  signIn: (t) => sessionStorage.setItem(KEY, t),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** Encodes one path segment (a member named "a/b" or "a+b" stays one segment). */
export const seg = (s) => encodeURIComponent(s);

export async function api(method, path, body) {
  const headers = {'Authorization': 'Bearer ' + (session.token() || '')};
  const init = {method, headers, cache: 'no-store', credentials: 'omit'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const r = await fetch(path, init);
  const type = r.headers.get('content-type') || '';
  const data = type.includes('json') ? await r.json() : await r.text();
  if (!r.ok) {
    throw new ApiFailure(r.status, data && data.title, data && data.detail);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);

export const fleetPath = (fleet) => '/api/v1/fleets/' + seg(fleet);
export const memberPath = (fleet, member) => fleetPath(fleet) + '/members/' + seg(member);
