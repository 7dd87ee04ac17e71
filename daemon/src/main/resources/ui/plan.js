// A stored plan: its statements (destructive ones marked), approvals, and the apply; the audit
// trail of the plan beside it. Approving or applying anything destructive asks first.
import {el, fill, when, short, badge, section} from './dom.js';
import {get, post, memberPath, seg} from './api.js';
import {isAdmin, whoAmI, toast, refresh} from './app.js';
import {confirmAction} from './confirm.js';
import {memberLink} from './fleets.js';

export async function planView(main, fleet, member, id) {
  const path = memberPath(fleet, member) + '/plans/' + seg(id);
  const [plan, audit] = await Promise.all([get(path),
    get('/api/v1/audit?fleet=' + seg(fleet) + '&member=' + seg(member)).catch(() => ({entries: []}))]);
  const mine = whoAmI() && plan.createdBy === whoAmI().name;
  const approvedByMe = (plan.approvals || []).some((a) => a.token === whoAmI().name);
  const open = plan.state === 'planned' || plan.state === 'partial';
  fill(main,
    el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Fleets'), ' / ', fleet, ' / ', memberLink(fleet, member), ' / plan'),
    el('div', {class: 'row'},
      el('h1', {}, 'Plan ', el('code', {}, short(plan.id))),
      el('span', {class: 'badge state-' + plan.state, id: 'plan-state'}, plan.state),
      plan.destructive ? badge('destructive', 'destructive') : null),
    el('div', {class: 'split'},
      el('div', {},
        section('What it runs on ' + member,
          el('dl', {class: 'facts'},
            el('dt', {}, 'Made by'), el('dd', {id: 'plan-maker'}, plan.createdBy),
            el('dt', {}, 'Member fingerprint'), el('dd', {}, el('code', {}, short(plan.targetFingerprint))),
            el('dt', {}, 'Golden fingerprint'), el('dd', {}, el('code', {}, short(plan.goldenFingerprint))),
            el('dt', {}, 'Approvals'), el('dd', {id: 'plan-approvals'},
              (plan.approvals || []).length === 0 ? 'none yet'
                : plan.approvals.map((a) => a.token + (a.destructive ? ' (destructive)' : '') + ' at ' + when(a.at)).join('; ')),
            plan.result ? [el('dt', {}, 'Result'), el('dd', {id: 'plan-result'}, plan.result)] : null),
          (plan.warnings || []).map((w) => el('p', {class: 'warning'}, w)),
          statementList(plan.statements),
          isAdmin() && open ? el('div', {class: 'actions'},
            el('button', {type: 'button', class: 'btn', id: 'approve-plan', disabled: mine || approvedByMe,
              onclick: () => approve(path, plan, member)}, 'Approve'),
            mine ? el('span', {class: 'muted'}, 'You made this plan: another admin approves it.') : null,
            approvedByMe ? el('span', {class: 'muted'}, 'You approved it.') : null,
            el('button', {type: 'button', class: 'btn danger', id: 'apply-plan',
              onclick: () => apply(path, plan, member)}, 'Apply')) : null)),
      el('aside', {}, section('Audit trail', auditList(audit.entries.filter((e) => e.plan === plan.id))))));
}

export function statementList(statements) {
  if (!statements || statements.length === 0) return el('p', {class: 'muted'}, 'No statement: nothing to do.');
  return el('ol', {class: 'statements', id: 'plan-statements'}, statements.map((s) =>
    el('li', {class: s.destructive ? 'destructive' : ''},
      s.destructive ? badge('destructive', 'destructive') : null,
      (s.hazards || []).map((h) => badge(h.toLowerCase().replace(/_/g, ' '), 'hazard')),
      s.reason ? el('span', {class: 'muted'}, s.reason) : null,
      el('pre', {class: 'sql'}, s.sql + ';'))));
}

/** Audit entries, newest last as the API gives them. */
export function auditList(entries) {
  if (!entries || entries.length === 0) return el('p', {class: 'muted'}, 'Nothing recorded yet.');
  return el('ol', {class: 'audit'}, entries.map((e) => el('li', {'data-action': e.action},
    el('div', {}, el('strong', {}, e.action), ' by ', el('span', {class: 'token'}, e.token || '—'),
      e.member ? [' on ', e.member] : null),
    el('div', {class: 'muted small'}, when(e.at) + (e.result ? ' — ' + e.result : '')),
    e.sql ? el('pre', {class: 'sql small'}, e.sql) : null)));
}

async function approve(path, plan, member) {
  if (plan.destructive) {
    const yes = await confirmAction('Approve the destructive plan for ' + member, member, plan.statements, 'Approve, destructive');
    if (!yes) return;
  }
  try {
    await post(path + '/approve', {destructive: plan.destructive});
    toast('Approved.', 'ok');
    refresh();
  } catch (e) { toast(e.message, 'bad'); }
}

async function apply(path, plan, member) {
  const yes = await confirmAction('Apply this plan to ' + member, member, plan.statements, 'Apply now');
  if (!yes) return;
  const b = document.getElementById('apply-plan');
  if (b) { b.disabled = true; b.textContent = 'Applying…'; }
  try {
    const r = await post(path + '/apply');
    toast('Plan ' + r.state + ' on ' + member + '.', 'ok');
  } catch (e) { toast(e.message, 'bad'); }
  refresh();
}

