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
let generation = 0;       // bumped per navigation: a slower, older render must not overwrite a newer one

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
  if (location.hash && location.hash !== '#/') location.hash = '#/'; // the hashchange renders the sign-in
  else route();
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

/** Renders the page the hash names; {@code quiet} (a refresh after an action or a poll) keeps focus and scroll. */
async function route(quiet) {
  leaving.forEach((fn) => fn());
  leaving = [];
  if (!session.token()) { me = null; header(); signInView(); return; }
  if (!me) {
    try { me = await get('/api/v1/whoami'); } catch (e) { session.signOut(); me = null; header(); signInView(e.message); return; }
  }
  header();
  if (quiet !== true) document.getElementById('toast').className = 'toast'; // a new page: old news goes
  const mine = ++generation;
  const target = document.createElement('div');
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '').map(decodeURIComponent);
  // views render into a detached node that replaces the page's content once complete (no half-drawn page)
  try {
    if (parts.length === 0) await fleetsView(target);
    else if (parts[0] === 'f' && parts.length === 4 && parts[2] === 'm') await memberView(target, parts[1], parts[3]);
    else if (parts[0] === 'f' && parts.length === 6 && parts[2] === 'm' && parts[4] === 'plan') await planView(target, parts[1], parts[3], parts[5]);
    else if (parts[0] === 'f' && parts.length === 3 && parts[2] === 'rollouts') await rolloutsView(target, parts[1]);
    else if (parts[0] === 'f' && parts.length === 4 && parts[2] === 'r') await rolloutView(target, parts[1], parts[3]);
    else fill(target, el('section', {class: 'card'}, el('h1', {}, 'Not found'), el('a', {href: '#/'}, 'Back to the fleets')));
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof ApiFailure && e.status === 401) { session.signOut(); me = null; header(); signInView('Your token is no longer accepted.'); return; }
    fill(target, el('section', {class: 'card'}, el('h1', {}, 'Cannot show this page'), el('p', {class: 'error', role: 'alert'}, e.message),
      el('a', {href: '#/'}, 'Back to the fleets')));
  }
  if (mine !== generation) return;
  const y = window.scrollY;
  const focusedId = document.activeElement && document.activeElement.id;
  fill(main, ...target.childNodes);
  if (quiet === true) {
    window.scrollTo(0, y);
    const again = focusedId && document.getElementById(focusedId); // keyboard users keep their place
    if (again) again.focus({preventScroll: true});
    return;
  }
  const h = main.querySelector('h1');
  if (h) { h.setAttribute('tabindex', '-1'); h.focus({preventScroll: true}); }
}

/** Re-renders the current page (after an action). */
export const refresh = () => route(true);

window.addEventListener('hashchange', () => route());
route();
