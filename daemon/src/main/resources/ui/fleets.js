// The fleets overview: per fleet its members by state, its variants (schema fingerprint clusters,
// golden's marked) sized by member count, the last sweep, golden's source and error.
import {el, fill, when, short, badge} from './dom.js';
import {get, post, fleetPath, seg} from './api.js';
import {isAdmin, toast, refresh} from './app.js';

const STATES = ['in_sync', 'drifted', 'unreachable', 'pending'];
/** A state's count in the fleet summary, whose keys are camelCase (in_sync is inSync). */
const countOf = (summary, state) => summary[state.replace(/_(.)/g, (_, c) => c.toUpperCase())] || 0;

export async function fleetsView(main) {
  const list = await get('/api/v1/fleets');
  const fleets = await Promise.all(list.fleets.map((f) => get(fleetPath(f.name))));
  fill(main,
    el('h1', {}, 'Fleets'),
    fleets.length === 0 ? el('p', {class: 'muted'}, 'No fleet is configured.') : null,
    fleets.map(fleetCard));
}

function fleetCard(f) {
  const id = 'fleet-' + f.name.replace(/[^A-Za-z0-9_-]/g, '_');
  const members = f.summary.members || 0;
  return el('section', {class: 'card fleet', id, 'data-fleet': f.name},
    el('div', {class: 'row'},
      el('h2', {}, f.name),
      el('div', {class: 'actions'},
        el('a', {class: 'btn', href: '#/f/' + seg(f.name) + '/rollouts'}, 'Rollouts'),
        isAdmin() ? el('button', {type: 'button', class: 'btn primary sweep', onclick: (e) => sweep(e, f.name)}, 'Sweep now') : null)),
    el('dl', {class: 'facts'},
      el('dt', {}, 'Last sweep'), el('dd', {}, when(f.lastSweep.finished)),
      el('dt', {}, 'Schedule'), el('dd', {}, f.schedule),
      el('dt', {}, 'Golden'), el('dd', {}, el('code', {}, short(f.golden.fingerprint))),
      f.golden.error ? [el('dt', {}, 'Golden error'), el('dd', {class: 'error', role: 'alert'}, f.golden.error)] : null),
    el('ul', {class: 'states', 'aria-label': 'members by state'},
      STATES.map((s) => el('li', {class: 'state ' + s, 'data-state': s},
        el('span', {class: 'n'}, String(countOf(f.summary, s))), ' ', s.replace('_', ' ')))),
    el('h3', {}, 'Variants'),
    el('ul', {class: 'variants'}, f.variants.map((v) => variantRow(f, v, members))),
    el('h3', {}, 'Members'),
    membersTable(f));
}

function variantRow(f, v, members) {
  const pct = members ? Math.max(2, Math.round(100 * v.count / members)) : 0;
  return el('li', {class: 'variant' + (v.golden ? ' golden' : ''), 'data-fingerprint': v.fingerprint},
    el('div', {class: 'vhead'},
      el('code', {}, short(v.fingerprint)),
      v.golden ? badge('golden', 'golden') : badge('variant', 'drifted'),
      el('span', {class: 'count'}, v.count + (v.count === 1 ? ' member' : ' members')),
      !v.golden && isAdmin() ? el('button', {type: 'button', class: 'btn small rollout',
        onclick: () => newRollout(f.name, v.fingerprint)}, 'Roll out fix') : null),
    // the bar's width is set through the CSSOM (a class per 2 % step): the CSP allows no inline style attribute
    el('div', {class: 'bar', role: 'img', 'aria-label': v.count + ' of ' + members + ' members'},
      el('span', {class: 'fill w' + (Math.round(pct / 2) * 2)})),
    el('p', {class: 'vmembers'}, v.members.map((m, i) => [i ? ', ' : '', memberLink(f.name, m)])));
}

export function memberLink(fleet, member) {
  return el('a', {href: '#/f/' + seg(fleet) + '/m/' + seg(member), class: 'member-link'}, member);
}

function membersTable(f) {
  return el('div', {class: 'scroll'}, el('table', {class: 'members'},
    el('thead', {}, el('tr', {}, ['Member', 'State', 'Changes', 'Drift since', 'Last DDL'].map((h) => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, f.members.map((m) => el('tr', {'data-member': m.name},
      el('td', {}, memberLink(f.name, m.name)),
      el('td', {}, badge(m.state.replace('_', ' '), m.state), m.error ? el('div', {class: 'muted small'}, m.error) : null),
      el('td', {}, changesText(m.changes)),
      el('td', {}, when(m.driftSince)),
      el('td', {}, m.lastDdl ? (m.lastDdl.user || '?') + ' via ' + (m.lastDdl.application || '?') + ', ' + when(m.lastDdl.executed) : '—'))))));
}

export function changesText(c) {
  if (!c) return '—';
  const parts = Object.entries(c).filter(([, n]) => n > 0).map(([k, n]) => n + ' ' + k);
  return parts.length ? parts.join(', ') : 'none';
}

async function sweep(e, fleet) {
  const b = e.currentTarget;
  b.disabled = true;
  b.textContent = 'Sweeping…';
  try {
    const r = await post(fleetPath(fleet) + '/sweep?wait=true');
    toast('Sweep of ' + fleet + ' done: ' + r.inSync + ' in sync, ' + r.drifted + ' drifted, ' + r.unreachable + ' unreachable', 'ok');
    refresh();
  } catch (err) {
    toast(err.message, 'bad');
    b.disabled = false;
    b.textContent = 'Sweep now';
  }
}

async function newRollout(fleet, fingerprint) {
  try {
    const r = await post(fleetPath(fleet) + '/rollouts', {fingerprint});
    location.hash = '#/f/' + seg(fleet) + '/r/' + seg(r.id);
  } catch (err) {
    toast(err.message, 'bad');
  }
}
