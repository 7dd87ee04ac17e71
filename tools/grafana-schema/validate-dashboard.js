'use strict';
// Validates Grafana dashboard JSON files against the JSON Schemas generate-schema.js derives from
// @grafana/schema, plus the rules a driftd dashboard must follow to be importable as is:
// every query goes through the ${datasource} variable (type datasource, prometheus), panels
// have unique ids and non-overlapping grid positions, every panel plugin's options validate
// against that plugin's published Options/FieldConfig types.
// Usage: node validate-dashboard.js dashboards/provisioning/dashboards/driftd/driftd-fleets.json [...]
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');

const schemaDir = path.join(__dirname, 'schema');
const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = {};
function validator(name) {
  if (!(name in compiled)) {
    const file = path.join(schemaDir, `${name}.json`);
    compiled[name] = fs.existsSync(file) ? ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8'))) : null;
  }
  return compiled[name];
}

function check(file) {
  const problems = [];
  let dash;
  try {
    dash = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return [`not valid JSON: ${e.message}`];
  }
  const validateDashboard = validator('dashboard');
  if (!validateDashboard) throw new Error(`no schema in ${schemaDir}: run generate-schema.js first`);
  if (!validateDashboard(dash)) {
    for (const e of validateDashboard.errors) problems.push(`schema: ${e.instancePath || '/'} ${e.message} ${fmtParams(e.params)}`);
  }

  const vars = (dash.templating && dash.templating.list) || [];
  const dsVar = vars.find((v) => v.name === 'datasource');
  if (!dsVar || dsVar.type !== 'datasource' || dsVar.query !== 'prometheus') {
    problems.push('templating: needs a variable "datasource" of type datasource with query "prometheus"');
  }
  for (const v of vars) {
    if (v.type === 'query') checkDatasource(`templating/${v.name}`, v.datasource, problems);
  }

  // Rows may carry their own panels (when collapsed); flatten them.
  const panels = [];
  for (const p of dash.panels || []) {
    panels.push(p);
    for (const inner of p.panels || []) panels.push(inner);
  }
  const ids = new Map();
  for (const [i, p] of panels.entries()) {
    const where = `panels[${i}] "${p.title}"`;
    if (ids.has(p.id)) problems.push(`${where}: id ${p.id} also used by "${ids.get(p.id)}"`);
    ids.set(p.id, p.title);
    if (p.type === 'row') continue;
    checkDatasource(where, p.datasource, problems);
    if (!Array.isArray(p.targets) || p.targets.length === 0) problems.push(`${where}: no queries`);
    const refIds = new Set();
    for (const t of p.targets || []) {
      checkDatasource(`${where} target ${t.refId}`, t.datasource, problems);
      if (!t.refId || refIds.has(t.refId)) problems.push(`${where}: missing or duplicate refId ${t.refId}`);
      refIds.add(t.refId);
      if (typeof t.expr !== 'string' || t.expr.trim() === '') problems.push(`${where} target ${t.refId}: empty expr`);
    }
    const opts = validator(`${p.type}.options`);
    if (opts === null) {
      problems.push(`${where}: panel type "${p.type}" has no generated schema (add it to generate-schema.js)`);
    } else if (!opts(p.options || {})) {
      for (const e of opts.errors) problems.push(`${where} options${e.instancePath} ${e.message} ${fmtParams(e.params)}`);
    }
    const custom = validator(`${p.type}.fieldConfig`);
    const customValue = (p.fieldConfig && p.fieldConfig.defaults && p.fieldConfig.defaults.custom) || {};
    if (custom && !custom(customValue)) {
      for (const e of custom.errors) problems.push(`${where} fieldConfig.defaults.custom${e.instancePath} ${e.message} ${fmtParams(e.params)}`);
    }
  }
  problems.push(...overlaps(panels));
  return problems;
}

function checkDatasource(where, ds, problems) {
  if (!ds || ds.uid !== '${datasource}' || ds.type !== 'prometheus') {
    problems.push(`${where}: datasource must be {"type":"prometheus","uid":"\${datasource}"}, got ${JSON.stringify(ds)}`);
  }
}

// Grafana's grid is 24 columns wide; two panels sharing a cell render on top of each other.
function overlaps(panels) {
  const out = [];
  const boxes = panels.filter((p) => p.gridPos).map((p) => ({ t: p.title, ...p.gridPos }));
  for (const b of boxes) {
    if (b.x < 0 || b.x + b.w > 24) out.push(`gridPos: "${b.t}" exceeds the 24-column grid`);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) {
        out.push(`gridPos: "${a.t}" overlaps "${b.t}"`);
      }
    }
  }
  return out;
}

function fmtParams(params) {
  if (!params) return '';
  if (params.additionalProperty) return `(${params.additionalProperty})`;
  if (params.allowedValues) return `(allowed: ${params.allowedValues.join(', ')})`;
  return '';
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate-dashboard.js DASHBOARD.json...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const problems = check(file);
  if (problems.length) {
    failed = true;
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  ${p}`);
  } else {
    console.log(`${file}: valid against @grafana/schema ${require('@grafana/schema/package.json').version} (dashboard + panel options)`);
  }
}
process.exit(failed ? 1 : 0);
