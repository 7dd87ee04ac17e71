'use strict';
// Writes a synthetic driftd history in OpenMetrics text (for `promtool tsdb create-blocks-from
// openmetrics`): the contract's metric families for two fleets over the last few hours, one
// sample a minute, with a member in sync (by a waiver), a drifted one (breaking and additive changes, DDL
// events), an unreachable one (timeout errors) and a running rollout. Every dashboard query must
// return data on it (.ci/checks/dashboard-queries.sh), so a panel that would stay empty in Grafana
// -- wrong label, broken join, histogram misuse -- fails CI.
// Usage: node synthetic-metrics.js END_UNIX_SECONDS HOURS > data.om
const end = Number(process.argv[2]);
const hours = Number(process.argv[3] || 3);
if (!Number.isFinite(end) || !Number.isFinite(hours)) {
  console.error('usage: node synthetic-metrics.js END_UNIX_SECONDS HOURS');
  process.exit(2);
}
const step = 60;
const start = end - hours * 3600;
const times = [];
for (let t = start; t <= end; t += step) times.push(t);
const sweepEvery = 300;
const lastSweep = (t) => t - ((t - start) % sweepEvery);
const sweepsUpTo = (t) => Math.floor((t - start) / sweepEvery) + 1;

const fleets = {
  tenants: [
    { member: 't1', state: 'in_sync' },
    { member: 't2', state: 'drifted', since: start + 3600, changes: { breaking: 1, destructive: 0, additive: 2, cosmetic: 1 } },
    { member: 't3', state: 'unreachable' },
  ],
  reports: [{ member: 'r1', state: 'in_sync' }],
};

const out = [];
// job and instance are what a Prometheus scrape adds; queries must cope with them. Two nodes of
// one cluster export every series (docs/cluster.md), as they do for real.
const targets = [{ job: 'driftd', instance: 'driftd-1:9741' }, { job: 'driftd', instance: 'driftd-2:9741' }];
const labels = (o, target) => '{' + Object.entries({ ...o, ...target }).map(([k, v]) => `${k}="${v}"`).join(',') + '}';
function family(name, type, help, series) {
  out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  for (const target of targets) {
    for (const [sample, lbls, fn] of series) {
      for (const t of times) {
        const v = fn(t);
        if (v !== null) out.push(`${sample}${labels(lbls, target)} ${v} ${t}`);
      }
    }
  }
}
const each = (fn) => Object.entries(fleets).flatMap(([fleet, ms]) => ms.map((m) => fn(fleet, m)));
const drifted = (m, t) => m.state === 'drifted' && t >= m.since;

family('driftd_member_drift', 'gauge', '1 drifted, 0 in sync',
  each((fleet, m) => ['driftd_member_drift', { fleet, member: m.member }, (t) => (drifted(m, t) ? 1 : 0)]));
family('driftd_member_drift_changes', 'gauge', 'differing objects by severity',
  each((fleet, m) => ['breaking', 'destructive', 'additive', 'cosmetic'].map((severity) =>
    ['driftd_member_drift_changes', { fleet, member: m.member, severity }, (t) => (drifted(m, t) ? m.changes[severity] : 0)])).flat());
family('driftd_member_up', 'gauge', '1 when the last snapshot succeeded',
  each((fleet, m) => ['driftd_member_up', { fleet, member: m.member }, () => (m.state === 'unreachable' ? 0 : 1)]));
family('driftd_member_last_snapshot_timestamp_seconds', 'gauge', 'last successful snapshot',
  each((fleet, m) => ['driftd_member_last_snapshot_timestamp_seconds', { fleet, member: m.member },
    (t) => (m.state === 'unreachable' ? start : lastSweep(t))]));
family('driftd_member_drift_since_timestamp_seconds', 'gauge', 'when the current drift was first seen',
  each((fleet, m) => ['driftd_member_drift_since_timestamp_seconds', { fleet, member: m.member }, (t) => (drifted(m, t) ? m.since : 'NaN')]));
// t1 is in sync because a waiver accepts its one change (expiring two days after the end)
const waived = (m) => (m.member === 't1' ? 1 : 0);
family('driftd_member_waived_changes', 'gauge', 'changes waivers accept now',
  each((fleet, m) => ['driftd_member_waived_changes', { fleet, member: m.member }, () => waived(m)]));
family('driftd_waiver_expiry_timestamp_seconds', 'gauge', 'soonest expiry of the waivers covering the member',
  each((fleet, m) => ['driftd_waiver_expiry_timestamp_seconds', { fleet, member: m.member },
    () => (waived(m) ? end + 2 * 86400 : null)]));
// t1 also has an overlay (the big tenant's extra index, declared in the configuration)
family('driftd_member_overlays', 'gauge', 'overlays the member is expected to have on top of golden',
  each((fleet, m) => ['driftd_member_overlays', { fleet, member: m.member }, () => (m.member === 't1' ? 1 : 0)]));
family('driftd_fleet_members', 'gauge', 'members per state',
  Object.entries(fleets).flatMap(([fleet, ms]) => ['in_sync', 'drifted', 'unreachable'].map((state) =>
    ['driftd_fleet_members', { fleet, state }, (t) => ms.filter((m) => (drifted(m, t) ? 'drifted' : m.state === 'drifted' ? 'in_sync' : m.state) === state).length])));
family('driftd_fleet_variants', 'gauge', 'distinct schema fingerprints',
  Object.entries(fleets).map(([fleet, ms]) => ['driftd_fleet_variants', { fleet }, (t) => (ms.some((m) => drifted(m, t)) ? 2 : 1)]));

function histogram(name, help, perSweepSeconds) {
  const le = ['0.1', '0.5', '1', '5', '30', '+Inf'];
  const series = [];
  for (const [fleet, seconds] of Object.entries(perSweepSeconds)) {
    for (const b of le) {
      series.push([`${name}_bucket`, { fleet, le: b }, (t) => (b === '+Inf' || seconds <= Number(b) ? sweepsUpTo(t) : 0)]);
    }
    series.push([`${name}_count`, { fleet }, (t) => sweepsUpTo(t)]);
    series.push([`${name}_sum`, { fleet }, (t) => +(sweepsUpTo(t) * seconds).toFixed(3)]);
  }
  family(name, 'histogram', help, series);
}
histogram('driftd_snapshot_duration_seconds', 'time to snapshot one member', { tenants: 0.4, reports: 0.8 });
histogram('driftd_sweep_duration_seconds', 'time of one pass over the fleet', { tenants: 2.5, reports: 0.9 });

family('driftd_snapshot_errors', 'counter', 'failed snapshots',
  each((fleet, m) => ['driftd_snapshot_errors_total', { fleet, member: m.member, reason: 'timeout' },
    (t) => (m.state === 'unreachable' ? sweepsUpTo(t) : 0)]));
family('driftd_ddl_events', 'counter', 'DDL reported by the JDBC proxy',
  each((fleet, m) => ['driftd_ddl_events_total', { fleet, member: m.member },
    (t) => (m.state === 'drifted' ? Math.floor((t - start) / 600) : 0)]));
family('driftd_rollout_members', 'gauge', "members of the fleet's latest rollout by state",
  ['waiting', 'applying', 'applied', 'failed', 'skipped'].map((state) =>
    ['driftd_rollout_members', { fleet: 'tenants', state },
      () => ({ waiting: 1, applying: 0, applied: 1, failed: 0, skipped: 0 }[state])]));
family('driftd_build', 'info', 'the driftd build',
  [['driftd_build_info', { version: '0.1.0', revision: '0123456789abcdef0123456789abcdef01234567', java: '17.0.15' }, () => 1]]);
family('driftd_fleet_schedule_next_timestamp_seconds', 'gauge', 'next firing of the schedule',
  Object.keys(fleets).map((fleet) => ['driftd_fleet_schedule_next_timestamp_seconds', { fleet }, (t) => lastSweep(t) + sweepEvery]));
family('driftd_fleet_schedule_period_seconds', 'gauge', 'seconds between firings',
  Object.keys(fleets).map((fleet) => ['driftd_fleet_schedule_period_seconds', { fleet }, () => sweepEvery]));
out.push('# EOF');
console.log(out.join('\n'));
