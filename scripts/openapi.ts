// Writes docs/api/<service>.openapi.json (what each service serves at GET /openapi.json) and docs/api/README.md
// (a table of each service's endpoints). `--check` writes nothing and exits 1 if any file is stale.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OPENAPI_DIR, openApiDocuments, openApiFiles } from './lib/openapiDocs.js';

const check = process.argv.includes('--check');
const files = openApiFiles(await openApiDocuments());
const shown = (file: string) => relative(process.cwd(), join(OPENAPI_DIR, file)) || file;
// Documents of services that no longer have an API.
const orphans = existsSync(OPENAPI_DIR) ? readdirSync(OPENAPI_DIR).filter((f) => f.endsWith('.openapi.json') && !(f in files)) : [];

if (check) {
  const stale = Object.entries(files)
    .filter(([file, content]) => !existsSync(join(OPENAPI_DIR, file)) || readFileSync(join(OPENAPI_DIR, file), 'utf8') !== content)
    .map(([file]) => file);
  if (stale.length > 0 || orphans.length > 0) {
    for (const file of stale) console.error(`${shown(file)} is stale`);
    for (const file of orphans) console.error(`${shown(file)} belongs to no service`);
    console.error('run `npm run docs:openapi`');
    process.exit(1);
  }
  console.log(`docs/api is up to date (${Object.keys(files).length} files)`);
} else {
  mkdirSync(OPENAPI_DIR, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    writeFileSync(join(OPENAPI_DIR, file), content);
    console.log(`wrote ${shown(file)}`);
  }
  for (const file of orphans) {
    rmSync(join(OPENAPI_DIR, file));
    console.log(`removed ${shown(file)}`);
  }
}
