'use strict';
// Lists every metric name that dashboards and Prometheus rule files query, using Prometheus' own
// PromQL grammar (@prometheus-io/lezer-promql), so a name is found whatever the expression's
// shape (nested functions, binary operators, {__name__="..."} matchers) and a syntax error is
// reported instead of silently skipped.
// Usage: node metric-names.js [--dashboard F.json]... [--rules F.yml]... [--rule-tests F.yml]...
// Prints "name<TAB>where" per use and "recorded<TAB>name" per recording rule; exit 1 on a parse error.
const fs = require('fs');
const yaml = require('js-yaml');
const { parser } = require('@prometheus-io/lezer-promql');

// Grafana variables ($__rate_interval, ${fleet}, $sweep_window) are not PromQL. Outside string
// literals they only stand for durations in our dashboards, so they become 5m; inside strings
// (label matcher values) they are left alone.
function substituteGrafanaVariables(expr) {
  let out = '';
  let quote = null;
  for (let i = 0; i < expr.length; i++) {
    const c = expr[i];
    if (quote) {
      out += c;
      if (c === '\\') { out += expr[++i] || ''; continue; }
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; out += c; continue; }
    if (c === '$') {
      const m = /^\$(\{[A-Za-z_][A-Za-z0-9_]*(:[A-Za-z]+)?\}|[A-Za-z_][A-Za-z0-9_]*)/.exec(expr.slice(i));
      if (m) { out += '5m'; i += m[0].length - 1; continue; }
    }
    out += c;
  }
  return out;
}

function unquote(literal) {
  return literal.length >= 2 ? literal.slice(1, -1) : literal;
}

// Returns {names: [...], errors: [...]} for one PromQL expression.
function namesIn(expr) {
  const text = substituteGrafanaVariables(expr);
  const tree = parser.parse(text);
  const names = [];
  const errors = [];
  const cursor = tree.cursor();
  do {
    if (cursor.type.isError) {
      errors.push(`syntax error at ${cursor.from}: ...${text.slice(Math.max(0, cursor.from - 20), cursor.from + 20)}...`);
    } else if (cursor.name === 'VectorSelector') {
      const node = cursor.node;
      const id = node.getChild('Identifier');
      if (id) names.push(text.slice(id.from, id.to));
      const matchers = node.getChild('LabelMatchers');
      for (const m of matchers ? matchers.getChildren('UnquotedLabelMatcher') : []) {
        const label = m.getChild('LabelName');
        if (!label || text.slice(label.from, label.to) !== '__name__') continue;
        const op = m.getChild('MatchOp');
        const value = m.getChild('StringLiteral');
        if (op && text.slice(op.from, op.to) === '=' && value) names.push(unquote(text.slice(value.from, value.to)));
        else errors.push(`__name__ matched by regex or negation (${text.slice(m.from, m.to)}): name cannot be checked`);
      }
      if (!id && !names.length && !(matchers && matchers.getChildren('UnquotedLabelMatcher').length)) {
        errors.push('vector selector without a metric name');
      }
    }
  } while (cursor.next());
  return { names, errors };
}

// Grafana's label_values(metric, label) / label_values(label) is template syntax, not PromQL.
function variableQueryExpr(query) {
  const q = typeof query === 'string' ? query : (query && query.query) || '';
  const lv = /^\s*label_values\(\s*(.*?)\s*,\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*$/.exec(q);
  if (lv) return lv[1];
  const qr = /^\s*query_result\((.*)\)\s*$/.exec(q);
  if (qr) return qr[1];
  if (/^\s*label_values\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\)\s*$/.test(q) || /^\s*label_names\(\s*\)\s*$/.test(q)) return null;
  return q || null;
}

const uses = []; // [name, where]
const recorded = [];
const failures = [];
function add(expr, where) {
  const { names, errors } = namesIn(expr);
  for (const n of names) uses.push([n, where]);
  for (const e of errors) failures.push(`${where}: ${e}: ${expr}`);
  if (!names.length && !errors.length && !/^\s*(vector|time)\(/.test(expr)) failures.push(`${where}: no metric name found in ${expr}`);
}

function dashboard(file) {
  const dash = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const v of (dash.templating && dash.templating.list) || []) {
    if (v.type !== 'query') continue;
    const expr = variableQueryExpr(v.query);
    if (expr) add(expr, `${file} variable ${v.name}`);
  }
  const panels = [];
  for (const p of dash.panels || []) { panels.push(p); panels.push(...(p.panels || [])); }
  for (const p of panels) {
    for (const t of p.targets || []) {
      if (typeof t.expr === 'string') add(t.expr, `${file} panel "${p.title}" ${t.refId}`);
    }
  }
}

function rules(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  for (const g of (doc && doc.groups) || []) {
    for (const r of g.rules || []) {
      const name = r.alert ? `alert ${r.alert}` : `record ${r.record}`;
      if (r.record) recorded.push(r.record);
      add(String(r.expr), `${file} ${g.name}/${name}`);
    }
  }
}

// promtool unit-test files: the input series and any promql_expr_test expressions.
function ruleTests(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  for (const [i, t] of ((doc && doc.tests) || []).entries()) {
    for (const s of t.input_series || []) add(String(s.series), `${file} test ${i + 1} input`);
    for (const p of t.promql_expr_test || []) add(String(p.expr), `${file} test ${i + 1} promql_expr_test`);
  }
}

const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  const [flag, file] = [args[i], args[i + 1]];
  if (!file) { console.error(`missing file after ${flag}`); process.exit(2); }
  if (flag === '--dashboard') dashboard(file);
  else if (flag === '--rules') rules(file);
  else if (flag === '--rule-tests') ruleTests(file);
  else { console.error(`unknown option ${flag}`); process.exit(2); }
}
for (const [n, w] of uses) console.log(`${n}\t${w}`);
for (const r of recorded) console.log(`recorded\t${r}`);
const distinct = [...new Set(failures)];
for (const f of distinct) console.error(`metric-names: ${f}`);
process.exit(distinct.length ? 1 : 0);
