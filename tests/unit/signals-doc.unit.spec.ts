import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signalsDoc, SIGNALS_DOC_PATH } from '../../scripts/lib/signalsDoc.js';
import { signalCatalogue } from '../../services/conference/src/readModel/signals/catalogue.js';

describe('docs/signals.md', () => {
  it('is what the signal catalogue renders (run `npm run docs:signals` when this fails)', () => {
    expect(readFileSync(SIGNALS_DOC_PATH, 'utf8')).toBe(signalsDoc());
  });

  it('gives every signal a rule, a window, its evidence and a source', () => {
    for (const [kind, d] of Object.entries(signalCatalogue)) {
      for (const field of ['title', 'rule', 'window', 'evidence', 'source'] as const) expect(d[field].length, `${kind}.${field}`).toBeGreaterThan(3);
    }
  });
});
