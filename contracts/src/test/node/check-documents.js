// Validates generated API documents with the official tools.
// Usage: node check-documents.js <node_modules dir> <asyncapi.json> <openapi.json>
// Prints one line per finding ("ERROR ..." or "WARN ...") and a final JSON summary line.
'use strict';
const { createRequire } = require('module');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [modules, asyncapiFile, openapiFile] = process.argv.slice(2);
const load = createRequire(path.join(modules, 'noop.js'));
const summary = { asyncapiErrors: 0, openapiErrors: 0, warnings: 0 };

function report(tool, severity, message) {
  const level = severity === 0 ? 'ERROR' : 'WARN';
  if (severity === 0) summary[tool + 'Errors'] += 1; else summary.warnings += 1;
  console.log(`${level} ${tool}: ${message}`);
}

async function checkAsyncApi() {
  const { Parser } = load('@asyncapi/parser');
  const { diagnostics } = await new Parser().parse(fs.readFileSync(asyncapiFile, 'utf8'));
  for (const d of diagnostics) {
    if (d.severity <= 1) report('asyncapi', d.severity, `${d.code} at /${d.path.join('/')}: ${d.message}`);
  }
}

function checkOpenApi() {
  const ruleset = path.join(path.dirname(openapiFile), '.spectral.yaml');
  fs.writeFileSync(ruleset, 'extends: ["spectral:oas"]\n');
  const bin = path.join(modules, '.bin', 'spectral');
  let out;
  try {
    out = execFileSync(bin, ['lint', openapiFile, '--ruleset', ruleset, '-f', 'json', '--quiet'],
      { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // spectral exits non-zero when it finds errors
  }
  for (const d of JSON.parse(out || '[]')) {
    if (d.severity <= 1) report('openapi', d.severity, `${d.code} at /${d.path.join('/')}: ${d.message}`);
  }
}

(async () => {
  await checkAsyncApi();
  checkOpenApi();
  console.log(JSON.stringify(summary));
  process.exit(summary.asyncapiErrors + summary.openapiErrors === 0 ? 0 : 1);
})().catch((e) => {
  console.log(`ERROR checker: ${e.stack || e}`);
  process.exit(2);
});
