// The console's entry point: sign-in, the header, and a hash router (#/..., so the server serves
// one page and the token never travels in a URL).
import {el, fill} from './dom.js';
import {get, session, ApiFailure} from './api.js';
import {fleetsView} from './fleets.js';
import {memberView} from './member.js';
import {planView} from './plan.js';
import {rolloutsView, rolloutView} from './rollouts.js';

const main = document.getElementById('main');
let me = null;            // {name, role} of the signed-in token
let leaving = [];         // cleanups of the current view (timers)

export function toast(text, kind) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.className = 'toast show ' + (kind || '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.className = 'toast'; }, 6000);
}

/** Registers work to stop when the page changes (polling timers). */
export function onLeave(fn) { leaving.push(fn); }

export const isAdmin = () => me && me.role === 'admin';
export const whoAmI = () => me;

function header() {
  fill(document.getElementById('nav'), me ? el('a', {href: '#/'}, 'Fleets') : null);
  const who = document.getElementById('who');
  if (!me) { fill(who); return; }
  fill(who,
    el('span', {class: 'muted'}, 'Signed in as '),
    el('strong', {id: 'who-name'}, me.name), ' ',
    el('span', {class: 'badge role', id: 'who-role'}, me.role), ' ',
    el('button', {type: 'button', class: 'btn small', id: 'sign-out', onclick: signOut}, 'Sign out'));
}

function signOut() {
  session.signOut();
  me = null;
  location.hash = '#/';
  route();
}

function signInView(message) {
  const input = el('input', {id: 'token', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'token-help', spellcheck: 'false'});
  const error = el('p', {class: 'error', id: 'signin-error', role: 'alert'}, message || '');
  const form = el('form', {class: 'card signin', id: 'signin', onsubmit: async (e) => {
    e.preventDefault();
    session.signIn(input.value.trim());
    try {
      me = await get('/api/v1/whoami');
      route();
    } catch (err) {
      session.signOut();
      fill(error, err instanceof ApiFailure && err.status === 401 ? 'That token is not known to this daemon.'
        : err instanceof ApiFailure && err.status === 403 ? 'That token may not read (a report token is for the JDBC proxy).'
        : 'Sign-in failed: ' + err.message);
      input.focus();
    }
  }},
    el('h1', {}, 'Sign in to driftd'),
    el('label', {for: 'token'}, 'Bearer token'),
    input,
    el('p', {id: 'token-help', class: 'muted'},
      'A read or admin token of server.tokens. It is kept in this tab only (sessionStorage) and sent as an Authorization header.'),
    el('button', {type: 'submit', class: 'btn primary', id: 'signin-submit'}, 'Sign in'),
    error);
  fill(main, form);
  input.focus();
}

async function route() {
  leaving.forEach((fn) => fn());
  leaving = [];
  if (!session.token()) { me = null; header(); signInView(); return; }
  if (!me) {
    try { me = await get('/api/v1/whoami'); } catch (e) { session.signOut(); me = null; header(); signInView(e.message); return; }
  }
  header();
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  fill(main, el('p', {class: 'muted'}, 'Loading…'));
  try {
    if (parts.length === 0) await fleetsView(main);
    else if (parts[0] === 'f' && parts.length === 4 && parts[2] === 'm') await memberView(main, parts[1], parts[3]);
    else if (parts[0] === 'f' && parts.length === 6 && parts[2] === 'm' && parts[4] === 'plan') await planView(main, parts[1], parts[3], parts[5]);
    else if (parts[0] === 'f' && parts.length === 3 && parts[2] === 'rollouts') await rolloutsView(main, parts[1]);
    else if (parts[0] === 'f' && parts.length === 4 && parts[2] === 'r') await rolloutView(main, parts[1], parts[3]);
    else fill(main, el('section', {class: 'card'}, el('h1', {}, 'Not found'), el('a', {href: '#/'}, 'Back to the fleets')));
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) { session.signOut(); me = null; header(); signInView('Your token is no longer accepted.'); return; }
    fill(main, el('section', {class: 'card'}, el('h1', {}, 'Cannot show this page'), el('p', {class: 'error', role: 'alert'}, e.message),
      el('a', {href: '#/'}, 'Back to the fleets')));
  }
  const h = main.querySelector('h1');
  if (h) { h.setAttribute('tabindex', '-1'); h.focus({preventScroll: true}); }
}

/** Re-renders the current page (after an action). */
export const refresh = () => route();

window.addEventListener('hashchange', route);
route();
