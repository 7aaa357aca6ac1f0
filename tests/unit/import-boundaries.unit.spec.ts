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

const all = ['services', 'shared', 'web', 'tests', 'bench', 'scripts', 'infra'].flatMap((d) => filesUnder(path.join(root, d))).flatMap(importsOf);
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

  it('the web UI, its own package, imports only itself, its libraries and the contracts', () => {
    const web = all.filter((i) => under(i.file, 'web'));
    expect(web.length).toBeGreaterThan(100);
    const libraries = ['preact', 'preact/hooks', 'preact/jsx-runtime', 'socket.io-client', 'vite', 'node:url'];
    const contracts = ['@convene/shared/contracts', '@convene/shared/contracts/labels'];
    const wrong = web.filter((i) => (i.target ? !under(i.target, 'web') : !libraries.includes(i.specifier) && !contracts.includes(i.specifier)));
    expect(show(wrong)).toEqual([]);
    // What the bundle carries of the contracts: the label tables alone; every other contract import is a type, erased.
    expect(show(web.filter((i) => i.specifier === '@convene/shared/contracts' && !i.typeOnly))).toEqual([]);
  });

  it('no other package imports the web UI', () => {
    expect(show(all.filter((i) => !under(i.file, 'web') && under(i.target, 'web')))).toEqual([]);
  });
});
