// Figures of the reliability runs, for docs/reliability.md (`npm run docs:reliability` reads them back):
// each full run writes tests/reliability/last-<name>.json with the date and the machine it ran on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIGURES_DIR = fileURLToPath(new URL('../reliability/', import.meta.url));

export interface Machine {
  hostname: string;
  platform: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    hostname: os.hostname(),
    platform: `${os.platform()} ${os.release()}`,
    cores: cpus.length,
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Write tests/reliability/last-<name>.json; returns its path. */
export function recordFigures(name: string, figures: Record<string, unknown>): string {
  const file = path.join(FIGURES_DIR, `last-${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), ...figures }, null, 2)}\n`);
  return file;
}
