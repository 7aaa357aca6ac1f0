import { fileURLToPath } from 'node:url';
import { signalCatalogue } from '../../services/conference/src/readModel/signals/catalogue.js';

export const SIGNALS_DOC_PATH = fileURLToPath(new URL('../../docs/signals.md', import.meta.url));

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** docs/signals.md: the signal table, rendered from the catalogue the signal functions take their titles from. */
export function signalsDoc(): string {
  const rows = Object.entries(signalCatalogue).map(([kind, d]) =>
    `| ${cell(d.title)} (\`${kind}\`) | ${cell(d.rule)} | ${cell(d.window)} | ${cell(d.evidence)} | ${cell(d.source)} |`);
  return [
    '# Course-of-conduct signals',
    '',
    '<!-- Generated from services/conference/src/readModel/signals/catalogue.ts by `npm run docs:signals`; do not edit by hand. -->',
    '',
    'Signals are computed by the conference on the whole case (every record joined to it: its own victim\'s, and the',
    'suspect\'s alone), then shown to each viewer: a signal resting on records a viewer may not see says what is withheld',
    'and by whom, never the records themselves. Every signal names the events it rests on. The chair reads a signal as a',
    'prompt to look at the evidence, not as a decision.',
    '',
    '| signal | rule | window | evidence | source in the guidance |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
