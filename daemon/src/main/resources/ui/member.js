// A member: its drift object by object (golden's DDL beside the member's), who changed it (the
// JDBC proxy's reports), its history, and the reconcile script; admins create a plan from here.
import {el, fill, when, short, badge, section} from './dom.js';
import {get, post, fleetPath, memberPath, seg, ApiFailure} from './api.js';
import {isAdmin, toast} from './app.js';
import {sideBySide, scriptBlock, copy} from './sqlview.js';
import {changesText} from './fleets.js';
import {auditList} from './plan.js';

export async function memberView(main, fleet, member) {
  const f = await get(fleetPath(fleet));
  const m = f.members.find((x) => x.name === member);
  if (!m) throw new ApiFailure(404, 'not found', "no member '" + member + "' in fleet '" + fleet + "'");
  const base = memberPath(fleet, member);
  const [diff, objects, script, audit, past] = await Promise.all([
    get(base + '/diff').catch(noSnapshot),
    get(base + '/objects').catch(noSnapshot),
    get(base + '/reconcile').catch(noSnapshot),
    get('/api/v1/audit?fleet=' + seg(fleet) + '&member=' + seg(member)).catch(() => ({entries: []})),
    get(base + '/history').catch((e) => ({failed: e.message})),
  ]);
  fill(main,
    el('p', {class: 'crumbs'}, el('a', {href: '#/'}, 'Fleets'), ' / ', f.name),
    el('div', {class: 'row'},
      el('h1', {id: 'member-name'}, member),
      badge(m.state.replace('_', ' '), m.state),
      isAdmin() && m.state === 'drifted' ? el('button', {type: 'button', class: 'btn primary', id: 'create-plan',
        onclick: (e) => createPlan(e, fleet, member)}, 'Create plan') : null),
    el('dl', {class: 'facts'},
      el('dt', {}, 'Fingerprint'), el('dd', {}, el('code', {}, short(m.fingerprint))),
      el('dt', {}, 'Golden'), el('dd', {}, el('code', {}, short(f.golden.fingerprint))),
      el('dt', {}, 'Changes'), el('dd', {}, changesText(m.changes)),
      m.waivedChanges > 0 ? [el('dt', {}, 'Waived'), el('dd', {id: 'waived'}, m.waivedChanges
        + (m.waivedChanges === 1 ? ' change' : ' changes') + ' accepted by a waiver until ' + when(m.waiverExpires))] : null,
      m.error ? [el('dt', {}, 'Error'), el('dd', {class: 'error'}, m.error)] : null),
    differences(objects, diff),
    attribution(diff),
    history(m, past, audit.entries),
    reconcileScript(script, member));
}

/** A member or golden without a snapshot yet: the section says so instead of failing the page. */
function noSnapshot(e) {
  if (e instanceof ApiFailure && e.status === 409) return {missing: e.detail || e.message};
  throw e;
}

function differences(objects, diff) {
  if (objects.missing) return section('Differences', el('p', {class: 'muted'}, objects.missing));
  if (objects.objects.length === 0) {
    return section('Differences', el('p', {class: 'ok', id: 'in-sync'}, 'In sync with golden for everything compared.'),
      notInspected(diff));
  }
  return section('Differences (' + objects.objects.length + ')',
    notInspected(diff),
    el('div', {class: 'objects'}, objects.objects.map((o) => el('article', {class: 'object', 'data-object': o.object},
      el('header', {class: 'row'},
        el('h3', {}, o.object),
        badge(o.severity, o.severity),
        [...new Set(o.fix.flatMap((s) => s.hazards))].map((h) => badge(h.toLowerCase().replace(/_/g, ' '), 'hazard'))),
      el('ul', {class: 'changes'}, o.changes.map((c) => el('li', {}, c,
        waivedBy(diff).has(c) ? [' ', badge('waived ' + waivedBy(diff).get(c), 'waived')] : null))),
      sideBySide(o.golden, o.member),
      o.fix.length ? el('details', {},
        el('summary', {}, 'What reconciling runs for this object'),
        scriptBlock(o.fix.map((s) => (s.destructive ? '-- skipped, destructive:\n-- ' : '') + s.sql + ';').join('\n'))) : null))));
}

/** The diff's waived changes, by their one-line description (what the objects answer lists), to their waiver's id. */
function waivedBy(diff) {
  const out = new Map();
  if (diff && !diff.missing) {
    for (const c of diff.changes || []) {
      if (c.disposition === 'waived') out.set(c.description, c.waiver);
    }
  }
  return out;
}

function notInspected(diff) {
  if (!diff || diff.missing || !diff.notInspected || diff.notInspected.length === 0) return null;
  return el('p', {class: 'muted'}, 'Not compared (kinds driftd does not read here): ' + diff.notInspected.join(', '));
}

function attribution(diff) {
  const recent = diff && !diff.missing ? diff.recentDdl || [] : [];
  if (recent.length === 0) {
    return section('Who changed it', el('p', {class: 'muted'}, 'The JDBC proxy reported no DDL on this member.'));
  }
  return section('Who changed it',
    el('div', {class: 'scroll'}, el('table', {class: 'ddl', id: 'attribution'},
      el('thead', {}, el('tr', {}, ['When', 'User', 'Application', 'Host', 'Statement'].map((h) => el('th', {scope: 'col'}, h)))),
      el('tbody', {}, recent.map((d) => el('tr', {},
        el('td', {}, when(d.executed)), el('td', {}, d.user || '—'), el('td', {}, d.application || '—'),
        el('td', {}, d.clientHost || '—'),
        el('td', {}, el('code', {}, d.statement + (d.truncated ? ' …' : '')))))))));
}

function history(m, past, entries) {
  return section('History',
    el('dl', {class: 'facts'},
      el('dt', {}, 'State'), el('dd', {}, m.state.replace('_', ' ')),
      el('dt', {}, 'Drifting since'), el('dd', {id: 'drift-since'}, when(m.driftSince)),
      el('dt', {}, 'Last snapshot'), el('dd', {}, when(m.lastSnapshot))),
    past.failed ? el('p', {class: 'error'}, 'History cannot be read now: ' + past.failed) : [
      el('h3', {}, 'Periods of drift'),
      past.driftEvents.length === 0 ? el('p', {class: 'muted'}, 'Never drifted while watched.')
        : el('div', {class: 'scroll'}, el('table', {id: 'drift-periods'},
          el('thead', {}, el('tr', {}, ['From', 'To', 'Schema', 'Changes'].map((h) => el('th', {scope: 'col'}, h)))),
          el('tbody', {}, past.driftEvents.slice().reverse().map((e) => el('tr', {},
            el('td', {}, when(e.opened)), el('td', {}, e.resolved ? when(e.resolved) : 'still drifting'),
            el('td', {}, el('code', {}, short(e.fingerprint))), el('td', {}, changesText(e.changes))))))),
      el('h3', {}, 'Schemas it had'),
      el('div', {class: 'scroll'}, el('table', {id: 'schema-history'},
        el('thead', {}, el('tr', {}, ['Schema', 'First seen', 'Last seen'].map((h) => el('th', {scope: 'col'}, h)))),
        el('tbody', {}, past.history.slice().reverse().map((e) => el('tr', {},
          el('td', {}, el('code', {}, short(e.fingerprint)), ' ', e.golden ? badge('golden', 'golden') : null),
          el('td', {}, when(e.firstSeen)), el('td', {}, when(e.lastSeen)))))))],
    el('h3', {}, 'Plans and applies on this member'),
    auditList(entries));
}

function reconcileScript(script, member) {
  if (typeof script !== 'string') return section('Reconcile SQL', el('p', {class: 'muted'}, script.missing));
  const status = el('span', {class: 'muted', role: 'status'});
  return section('Reconcile SQL',
    el('p', {class: 'muted'}, 'The script that turns ' + member + ' into golden. Statements that delete data are marked and commented out.'),
    el('div', {class: 'actions'},
      el('button', {type: 'button', class: 'btn', id: 'copy-sql', onclick: async () => {
        status.textContent = (await copy(script)) ? 'Copied.' : 'Copy failed: select the text instead.';
      }}, 'Copy SQL'), status),
    scriptBlock(script, 'reconcile-sql'));
}

async function createPlan(e, fleet, member) {
  const b = e.currentTarget;
  b.disabled = true;
  try {
    const plan = await post(memberPath(fleet, member) + '/plans');
    location.hash = '#/f/' + seg(fleet) + '/m/' + seg(member) + '/plan/' + seg(plan.id);
  } catch (err) {
    toast(err.message, 'bad');
    b.disabled = false;
  }
}
