'use strict';
// Runs every query of a dashboard against a Prometheus server holding synthetic driftd data
// (synthetic-metrics.js) the way Grafana would: Grafana variables substituted, range queries over
// the last two hours, instant queries at the end. Fails when a query errors or returns nothing
// (the panel would be empty), when the fleet variable finds no fleets, or when the queries of a
// table joined with Grafana's merge transformation return different label sets (rows would not join).
// EXPECT.json (optional): {"panel title": value} for single-series panels whose value at END must be
// exactly that (e.g. member counts on a cluster, where a sum over nodes would multiply them).
// Usage: node query-dashboard.js DASHBOARD.json PROMETHEUS_URL END_UNIX_SECONDS [EXPECT.json]
const fs = require('fs');

const [file, base, endArg, expectFile] = process.argv.slice(2);
const expected = expectFile ? JSON.parse(fs.readFileSync(expectFile, 'utf8')) : {};
if (!file || !base || !endArg) {
  console.error('usage: node query-dashboard.js DASHBOARD.json PROMETHEUS_URL END_UNIX_SECONDS');
  process.exit(2);
}
const end = Number(endArg);
const dash = JSON.parse(fs.readFileSync(file, 'utf8'));

// What Grafana substitutes: All (job, node, fleet) as a regex, the rate interval, custom variables'
// current value.
function substitute(expr) {
  const vars = { job: '.*', instance: '.*', fleet: '.*', __rate_interval: '5m', __interval: '1m', __range: '2h' };
  for (const v of dash.templating.list) {
    if (v.type === 'custom' && v.current && v.current.value) vars[v.name] = v.current.value;
  }
  return expr.replace(/\$\{(\w+)(?::\w+)?\}|\$(\w+)/g, (m, a, b) => {
    const name = a || b;
    if (!(name in vars)) throw new Error(`unknown variable ${m} in ${expr}`);
    return vars[name];
  });
}

async function get(path, params) {
  const url = `${base}${path}?${new URLSearchParams(params)}`;
  const res = await fetch(url);
  const body = await res.json();
  if (body.status !== 'success') throw new Error(`${body.errorType}: ${body.error}`);
  return body.data;
}

async function main() {
  const problems = [];
  let count = 0;
  for (const v of dash.templating.list.filter((x) => x.type === 'query')) {
    const q = typeof v.query === 'string' ? v.query : v.query.query;
    const m = /^label_values\((.+),\s*(\w+)\)$/.exec(q);
    if (!m) { problems.push(`variable ${v.name}: unsupported query ${q}`); continue; }
    const values = await get(`/api/v1/label/${m[2]}/values`, { 'match[]': substitute(m[1]), start: end - 7200, end });
    console.log(`variable ${v.name}: ${values.join(', ') || '(none)'}`);
    if (!values.length) problems.push(`variable ${v.name}: ${q} finds no values`);
  }
  const panels = dash.panels.flatMap((p) => [p, ...(p.panels || [])]).filter((p) => p.type !== 'row');
  for (const title of Object.keys(expected)) {
    if (!panels.some((p) => p.title === title)) problems.push(`expected value for "${title}", a panel the dashboard does not have`);
  }
  for (const p of panels) {
    const labelSets = new Set();
    if (p.title in expected) {
      const expr = substitute(p.targets[0].expr);
      const data = await get('/api/v1/query', { query: expr, time: end });
      const values = data.result.map((r) => Number(r.value[1]));
      console.log(`"${p.title}" at end: ${values.join(', ')} (expected ${expected[p.title]})`);
      if (values.length !== 1 || values[0] !== expected[p.title]) {
        problems.push(`"${p.title}": ${expr} gives [${values.join(', ')}] at the end, expected ${expected[p.title]}`);
      }
    }
    for (const t of p.targets) {
      count++;
      const where = `"${p.title}" ${t.refId}`;
      let expr;
      try {
        expr = substitute(t.expr);
        const data = t.instant
          ? await get('/api/v1/query', { query: expr, time: end })
          : await get('/api/v1/query_range', { query: expr, start: end - 7200, end, step: 60 });
        const n = data.result.length;
        console.log(`${where}: ${n} series`);
        if (n === 0) problems.push(`${where}: no data for ${expr}`);
        for (const r of data.result) labelSets.add(Object.keys(r.metric).sort().join(','));
      } catch (e) {
        problems.push(`${where}: ${e.message} (${expr || t.expr})`);
      }
    }
    const merged = (p.transformations || []).some((x) => x.id === 'merge');
    if (merged && labelSets.size > 1) {
      problems.push(`"${p.title}": merged queries return different labels (${[...labelSets].join(' | ')}); rows will not join`);
    }
  }
  for (const pr of problems) console.error(`query-dashboard: ${pr}`);
  console.log(`${file}: ${count} queries run, ${problems.length} problem(s)`);
  process.exit(problems.length ? 1 : 0);
}
main().catch((e) => { console.error(e); process.exit(1); });
