// docs/performance.md from a full run's bench/results.json: the generated part sits between two markers and
// is replaced; everything outside them (how to read it, what was changed, the analysis) is kept as written.
// Written at the end of every full `npm run bench`; `npm run bench -- --report` rewrites it from the last
// bench/results.json without running anything.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { k, renderMarkdown, rows, type Results } from './lib/report.js';

export const docFile = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
export const fullResultsFile = fileURLToPath(new URL('./results.json', import.meta.url));

const START = '<!-- bench:generated:start (written by `npm run bench` from bench/results.json; edit outside the markers) -->';
const END = '<!-- bench:generated:end -->';

function machineLine(r: Results): string {
  const m = r.machine as Record<string, unknown>;
  return [
    `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Linux ${m.kernel}`,
    `Node ${m.node}`, String(m.kafka), String(m.mongo),
  ].join(' · ');
}

/** How busy the machine was apart from the benchmark: at the start, and during each measured window. */
function loadLines(r: Results): string[] {
  const m = r.machine as Record<string, unknown>;
  const windows: [string, Record<string, number> | undefined][] = [
    ...Object.entries(r.b1).map(([n, x]) => [`B1 ${k(Number(n))}`, x.cpu] as [string, Record<string, number>]),
    ...Object.entries(r.b3).map(([n, x]) => [`B3 ${k(Number(n))}`, x.cpu] as [string, Record<string, number>]),
    ...r.b2.map((x) => [`B2 @${x.targetRate}/s`, x.cpu] as [string, Record<string, number>]),
    ...(r.b4 ? [['B4', r.b4.cpu] as [string, Record<string, number>]] : []),
    ...(r.b6 ?? []).map((x) => [`B6 @${x.targetRate}/s`, x.cpu] as [string, Record<string, number>]),
  ];
  const during = windows.filter(([, cpu]) => cpu?.['everything else'] !== undefined).map(([name, cpu]) => `${name} ${cpu!['everything else']} %`);
  return [
    `- Load at the start: load average ${(m.loadAverageAtStart as number[] | undefined)?.join(' / ') ?? '–'}; ${m.backgroundCpuPctAtStart} % of one core busy with other work just before the run (whole-machine CPU from /proc/stat).`,
    `- CPU used by processes other than the benchmark's own and the stack's, during each measured window (100 % = one core of ${m.cpus}): ${during.join(', ') || '–'}.`,
    '- The broker and database figures include any other user of the same local stack (test runs sharing it use their own topics and databases, but the same two processes).',
  ];
}

function codeLine(r: Results): string {
  const code = (r.machine as { code?: { commit: string; uncommitted: string[] } }).code;
  if (!code) return '**Code:** not recorded by this run (see "The conditions of the last full run" below).';
  const dirty = code.uncommitted.length > 0 ? `, with uncommitted changes to ${code.uncommitted.map((f) => `\`${f}\``).join(', ')}` : '';
  return `**Code:** commit \`${code.commit.slice(0, 10)}\`${dirty}.`;
}

export function renderGenerated(r: Results): string {
  const unmet = rows(r).filter((x) => x.met === 'no');
  const failed = r.errors.map((e) => `- **${e.benchmark} did not complete**: ${e.error}`);
  return [
    START,
    '',
    `**Last full run:** ${r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${r.durationS !== undefined ? `${Math.round(r.durationS / 60)} min` : 'unfinished'}), \`npm run bench\` on the local stack.`,
    '',
    `**Machine:** ${machineLine(r)}.`,
    '',
    codeLine(r),
    '',
    ...loadLines(r),
    '',
    renderMarkdown(r),
    unmet.length + failed.length > 0 ? '### Goals not met in this run\n' : '### Every goal met in this run\n',
    ...unmet.map((x) => `- **${x.id}** ${x.what}: ${x.figure} against ${x.goal}. Measured: ${x.evidence}.`),
    ...failed,
    '',
    END,
  ].join('\n');
}

const skeleton = `# Performance

What \`npm run bench\` measures, the figures of the last full run, and what limits them.

${START}
${END}
`;

/** Replace the generated part of docs/performance.md with this run's figures; returns the file written. */
export function writePerformanceDoc(r: Results, file = docFile): string {
  if (r.mode !== 'full') throw new Error('docs/performance.md holds full runs only; a quick run writes bench/results.quick.json');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : skeleton;
  const a = current.indexOf(START.slice(0, 30));
  const b = current.indexOf(END);
  const generated = renderGenerated(r);
  const next = a >= 0 && b > a ? `${current.slice(0, a)}${generated}${current.slice(b + END.length)}` : `${current.trimEnd()}\n\n${generated}\n`;
  fs.writeFileSync(file, next);
  return file;
}

/** `npm run bench -- --report`: docs/performance.md again from bench/results.json (the last full run). */
export function reportFromFile(file = fullResultsFile): string {
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as Results;
  return writePerformanceDoc(r);
}
