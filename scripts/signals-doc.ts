// Writes docs/signals.md from the signal catalogue. `--check` exits 1 if the file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { signalsDoc, SIGNALS_DOC_PATH } from './lib/signalsDoc.js';

const expected = signalsDoc();
if (process.argv.includes('--check')) {
  if (!existsSync(SIGNALS_DOC_PATH) || readFileSync(SIGNALS_DOC_PATH, 'utf8') !== expected) {
    console.error('docs/signals.md is stale: run `npm run docs:signals`');
    process.exit(1);
  }
  console.log('docs/signals.md is up to date');
} else {
  writeFileSync(SIGNALS_DOC_PATH, expected);
  console.log(`wrote ${SIGNALS_DOC_PATH}`);
}
