// Writes docs/asyncapi.yaml from the event contracts. `--check` exits 1 if the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { asyncApiYaml, ASYNCAPI_PATH } from './asyncapiYaml.js';

const expected = asyncApiYaml();
if (process.argv.includes('--check')) {
  const current = readFileSync(ASYNCAPI_PATH, 'utf8');
  if (current !== expected) {
    console.error('docs/asyncapi.yaml is stale: run `npm run docs:asyncapi`');
    process.exit(1);
  }
  console.log('docs/asyncapi.yaml is up to date');
} else {
  writeFileSync(ASYNCAPI_PATH, expected);
  console.log(`wrote ${ASYNCAPI_PATH}`);
}
