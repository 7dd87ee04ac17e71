'use strict';
// Turns the TypeScript types that @grafana/schema publishes (the dashboard model and the
// options of the panel plugins we use) into JSON Schemas, so CI can validate dashboards with
// ajv without a Grafana server. Output: schema/<name>.json (ignored by git; regenerated per run
// from the pinned package, so the schema always matches package-lock.json).
const fs = require('fs');
const path = require('path');
const { createGenerator } = require('ts-json-schema-generator');

const raw = path.join(path.dirname(require.resolve('@grafana/schema/package.json')), 'dist/types/raw');
const out = path.join(__dirname, 'schema');

// name -> [types file, exported type]. Panel plugin types: Options is the panel's `options`,
// FieldConfig is the panel's `fieldConfig.defaults.custom`.
const targets = {
  dashboard: ['dashboard/x/types.gen.d.ts', 'Dashboard'],
};
for (const panel of ['timeseries', 'table', 'stat']) {
  targets[`${panel}.options`] = [`composable/${panel}/panelcfg/x/types.gen.d.ts`, 'Options'];
  targets[`${panel}.fieldConfig`] = [`composable/${panel}/panelcfg/x/types.gen.d.ts`, 'FieldConfig'];
}

fs.mkdirSync(out, { recursive: true });
for (const [name, [file, type]] of Object.entries(targets)) {
  const schema = createGenerator({
    path: path.join(raw, file),
    type,
    skipTypeCheck: true, // the .d.ts files import each other; type-checking them adds nothing here
    expose: 'export',
    topRef: true,
    jsDoc: 'basic',
  }).createSchema(type);
  fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(schema, null, 1));
  console.log(`schema: ${name} <- ${file} (${type}), ${Object.keys(schema.definitions || {}).length} definitions`);
}
