// Writes docs/security.md: each service's permissions and endpoints with the roles allowed, and the conference's
// membership rules, computed from the policy modules, the access functions and the OpenAPI documents the
// services serve. `--check` writes nothing and exits 1 if the file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocuments } from './lib/openapiDocs.js';
import { securityMarkdown } from '../tests/security/policyMatrix.js';

export const SECURITY_DOC = fileURLToPath(new URL('../docs/security.md', import.meta.url));

const expected = securityMarkdown(await openApiDocuments());
if (process.argv.includes('--check')) {
  if (!existsSync(SECURITY_DOC) || readFileSync(SECURITY_DOC, 'utf8') !== expected) {
    console.error('docs/security.md is stale: run `npm run docs:security`');
    process.exit(1);
  }
  console.log('docs/security.md is up to date');
} else {
  writeFileSync(SECURITY_DOC, expected);
  console.log('wrote docs/security.md');
}
