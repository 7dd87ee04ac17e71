// Rollouts: one plan for every member of a variant, approved once, applied canary first and then
// in waves. The detail page follows a running rollout and shows its audit trail beside it.
import {el, fill, when, short, badge, section} from './dom.js';
import {get, post, fleetPath, seg} from './api.js';
import {isAdmin, whoAmI, toast, refresh, onLeave} from './app.js';
import {confirmAction} from './confirm.js';
import {memberLink} from './fleets.js';
import {statementList, auditList} from './plan.js';

export async function rolloutsView(main, fleet) {
  const list = await get(fleetPath(fleet) + '/rollouts');
  fill(main,
    el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Fleets'), ' / ', fleet),
    el('h1', {}, 'Rollouts of ', fleet),
    list.rollouts.length === 0 ? el('p', {class: 'muted'}, 'No rollout yet. Admins start one from a variant on the fleets page.')
      : el('div', {class: 'scroll'}, el('table', {class: 'rollouts'},
        el('thead', {}, el('tr', {}, ['Rollout', 'State', 'Variant', 'Made by', 'Members'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, list.rollouts.map((r) => el('tr', {},
          el('td', {}, el('a', {href: '#/f/' + seg(fleet) + '/r/' + seg(r.id)}, short(r.id))),
          el('td', {}, badge(r.state, 'state-' + r.state)),
          el('td', {}, el('code', {}, short(r.variantFingerprint))),
          el('td', {}, r.createdBy + ', ' + when(r.createdAt)),
          el('td', {}, counts(r.counts))))))));
}

function counts(c) {
  return Object.entries(c || {}).filter(([, n]) => n > 0).map(([k, n]) => n + ' ' + k).join(', ') || '—';
}

export async function rolloutView(main, fleet, id) {
  const path = fleetPath(fleet) + '/rollouts/' + seg(id);
  const [r, audit] = await Promise.all([get(path), get('/api/v1/audit?rollout=' + seg(id)).catch(() => ({entries: []}))]);
  const mine = r.createdBy === whoAmI().name;
  const approvedByMe = (r.approvals || []).some((a) => a.token === whoAmI().name);
  const target = 'variant ' + short(r.variantFingerprint) + ' (' + r.members.length + ' members)';
  fill(main,
    el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Fleets'), ' / ', el('a', {href: '#/f/' + seg(fleet) + '/rollouts'}, fleet), ' / rollout'),
    el('div', {class: 'row'},
      el('h1', {}, 'Rollout ', el('code', {}, short(r.id))),
      el('span', {class: 'badge state-' + r.state, id: 'rollout-state'}, r.state),
      r.destructive ? badge('destructive', 'destructive') : null),
    el('div', {class: 'split'},
      el('div', {},
        section('Members',
          el('dl', {class: 'facts'},
            el('dt', {}, 'Made by'), el('dd', {}, r.createdBy + ', ' + when(r.createdAt)),
            el('dt', {}, 'Canary, wave, pause'), el('dd', {}, r.rollout.canary + ', ' + r.rollout.wave + ', ' + (r.rollout.pauseMs / 1000) + ' s'),
            el('dt', {}, 'Approvals'), el('dd', {}, (r.approvals || []).map((a) => a.token).join(', ') || 'none yet'),
            el('dt', {}, 'Progress'), el('dd', {id: 'rollout-counts'}, counts(r.counts)),
            r.result ? [el('dt', {}, 'Result'), el('dd', {}, r.result)] : null),
          waves(fleet, r.members),
          isAdmin() && r.state === 'planned' ? el('div', {class: 'actions'},
            el('button', {type: 'button', class: 'btn', id: 'approve-rollout', disabled: mine || approvedByMe, onclick: async () => {
              if (r.destructive && !(await confirmAction('Approve the destructive rollout of ' + target, target, r.statements, 'Approve, destructive'))) return;
              try { await post(path + '/approve', {destructive: r.destructive}); toast('Approved.', 'ok'); refresh(); } catch (e) { toast(e.message, 'bad'); }
            }}, 'Approve'),
            mine ? el('span', {class: 'muted'}, 'You made this rollout: another admin approves it.') : null,
            el('button', {type: 'button', class: 'btn danger', id: 'start-rollout', onclick: async () => {
              if (!(await confirmAction('Start the rollout on ' + target, target, r.statements, 'Start rollout'))) return;
              try { await post(path + '/start'); toast('Rollout started.', 'ok'); refresh(); } catch (e) { toast(e.message, 'bad'); }
            }}, 'Start')) : null),
        section('Plan', statementList(r.statements))),
      el('aside', {}, section('Audit trail', auditList(audit.entries)))));
  if (r.state === 'running') {
    const timer = setTimeout(refresh, 1500); // follow the canary and waves as they advance
    onLeave(() => clearTimeout(timer));
  }
}

function waves(fleet, members) {
  const byWave = new Map();
  for (const m of members) {
    if (!byWave.has(m.wave)) byWave.set(m.wave, []);
    byWave.get(m.wave).push(m);
  }
  return el('ol', {class: 'waves'}, [...byWave.entries()].sort((a, b) => a[0] - b[0]).map(([w, ms]) =>
    el('li', {},
      el('h3', {}, w === 0 ? 'Canary' : 'Wave ' + w),
      el('ul', {class: 'wave'}, ms.map((m) => el('li', {'data-member': m.member, 'data-state': m.state},
        memberLink(fleet, m.member), ' ', badge(m.state, 'state-' + m.state),
        m.error ? el('div', {class: 'error small'}, m.error) : null))))));
}
