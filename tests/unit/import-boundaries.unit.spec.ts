/**
 * The layout's rules, checked on every import in the repository so they cannot drift: no service imports
 * another, production code never imports tests, bench or scripts, services reach shared code only through
 * its package entry points, the event log's storage stays inside it, and the web UI imports only what it may.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SERVICES = readdirSync(path.join(root, 'services'));
const sharedExports = Object.keys((JSON.parse(readFileSync(path.join(root, 'shared/package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports)
  .map((e) => (e === '.' ? '@convene/shared' : `@convene/shared/${e.slice(2)}`));

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

interface Import {
  file: string;
  specifier: string;
  /** Repository-relative path of the imported file, for relative imports. */
  target?: string;
  typeOnly: boolean;
}

const IMPORT = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(root, file);
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[3] ?? m[4]!;
    const target = specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(file), specifier)) : undefined;
    found.push({ file: rel, specifier, ...(target ? { target } : {}), typeOnly: m[2] !== undefined });
  }
  return found;
}

const all = ['services', 'shared', 'tests', 'bench', 'scripts', 'infra'].flatMap((d) => filesUnder(path.join(root, d))).flatMap(importsOf);
const isSpec = (file: string) => /\.spec\.tsx?$/.test(file);
const under = (p: string | undefined, dir: string) => p !== undefined && (p === dir || p.startsWith(`${dir}/`));
const show = (list: Import[]) => list.map((i) => `${i.file} imports ${i.specifier}`);

describe('import boundaries', () => {
  it('finds the imports it checks', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.some((i) => i.specifier === '@convene/shared/contracts')).toBe(true);
  });

  it('no service imports another service\'s code', () => {
    const crossing = all.filter((i) => {
      const own = SERVICES.find((s) => under(i.file, `services/${s}`));
      return own !== undefined && SERVICES.some((other) => other !== own && under(i.target, `services/${other}`));
    });
    expect(show(crossing)).toEqual([]);
  });

  it('production code never imports tests, the bench or scripts (a spec next to its module may use tests/fixtures)', () => {
    const leaking = all.filter((i) => (under(i.file, 'services') || under(i.file, 'shared'))
      && ['tests', 'bench', 'scripts'].some((d) => under(i.target, d))
      && !(isSpec(i.file) && under(i.target, 'tests/fixtures')));
    expect(show(leaking)).toEqual([]);
  });

  it('shared code imports no service', () => {
    expect(show(all.filter((i) => under(i.file, 'shared') && under(i.target, 'services')))).toEqual([]);
  });

  it('services reach shared code only through the package\'s entry points', () => {
    const deep = all.filter((i) => under(i.file, 'services')
      && (under(i.target, 'shared') || (i.specifier.startsWith('@convene/shared') && !sharedExports.includes(i.specifier))));
    expect(show(deep)).toEqual([]);
  });

  it('the event log is sealed: outside shared/src/eventlog, only its index is imported', () => {
    const inside = all.filter((i) => i.target !== undefined && under(i.target, 'shared/src/eventlog') && !/^shared\/src\/eventlog\/index(\.js)?$/.test(i.target));
    const outsiders = inside.filter((i) => !under(i.file, 'shared/src/eventlog'));
    expect(show(outsiders)).toEqual([]);
  });

  it('the web UI imports only itself, its libraries, the contracts and the auth types, and (for now, types only) the conference\'s response shapes', () => {
    const web = all.filter((i) => under(i.file, 'services/conference/web/src'));
    const allowedPackages = ['preact', 'preact/hooks', 'preact/jsx-runtime', 'socket.io-client', '@convene/shared/contracts', '@convene/shared/auth'];
    // The response shapes the UI reads that are not zod schemas in the contracts yet (web config, scrutiny
    // figures) still live in the conference's source (issue 20, point 3). Listed exactly, so no new reach-in can slip past.
    const knownReachIns = new Map([
      ['services/conference/web/src/api/types.ts', ['../../../src/http/webConfig.js', '../../../src/scrutiny/figures.js']],
      ['services/conference/web/src/ui/labels.ts', ['../../../src/readModel/labels.js']],
    ]);
    const wrong = web.filter((i) => {
      if (under(i.target, 'services/conference/web/src')) return false;
      if (!i.target) return !allowedPackages.includes(i.specifier) && !i.specifier.startsWith('@preact/');
      return !(knownReachIns.get(i.file)?.includes(i.specifier) ?? false);
    });
    expect(show(wrong)).toEqual([]);
    const reachingIn = web.filter((i) => i.target && !under(i.target, 'services/conference/web/src'));
    // The type imports are erased at build time; labels.ts is the one value import (pure label tables).
    expect(show(reachingIn.filter((i) => !i.typeOnly && i.file !== 'services/conference/web/src/ui/labels.ts'))).toEqual([]);
  });
});
