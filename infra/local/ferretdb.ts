// FerretDB (MongoDB wire protocol over SQLite), built from source with Go once and cached.
// `go install ...@v1.24.0` cannot be used: it needs the proxy's version list, which is refused
// for this module; `go mod download` of the exact version works, so we build from that copy.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { FERRETDB_VERSION, HOST, type StackConfig, ferretBinary, ferretDir, goCacheDir, stackConfig } from './paths.js';
import { findExecutable, isPortListening, runStep, spawnDetached, waitUntil } from './processes.js';
import type { ServerState } from './state.js';

const MODULE = 'github.com/FerretDB/FerretDB';

function goEnv(goBin: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  return {
    ...env,
    PATH: [path.dirname(goBin), env.PATH ?? ''].join(path.delimiter),
    // Private caches keep downloads inside the Convene cache; -modcacherw keeps them deletable with rm -rf.
    GOMODCACHE: path.join(goCacheDir(), 'mod'),
    GOCACHE: path.join(goCacheDir(), 'build'),
    GOFLAGS: [env.GOFLAGS ?? '', '-modcacherw', '-buildvcs=false'].join(' ').trim(),
    GOWORK: 'off',
    // modernc.org/sqlite is pure Go, so no C compiler is needed and the binary is static.
    CGO_ENABLED: '0',
  };
}

async function makeWritable(dir: string): Promise<void> {
  // The module cache is read-only; the copy must be writable to add version.txt and to be removable.
  await fsp.chmod(dir, 0o755);
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await makeWritable(p);
    else if (entry.isFile()) await fsp.chmod(p, (await fsp.stat(p)).mode | 0o200);
  }
}

/** Build the FerretDB binary into the cache unless it is already there. */
export async function ensureFerretBuilt(log: (line: string) => void): Promise<void> {
  const binary = ferretBinary();
  if (fs.existsSync(binary)) return;

  const go = findExecutable('go', ['/usr/local/go/bin', '/usr/lib/go/bin']);
  if (!go) throw new Error('Go (go) is not on PATH or in /usr/local/go/bin; it is needed once to build FerretDB. Install it, or set KAFKA_BROKERS and MONGO_URL to use your own servers');

  log(`building FerretDB ${FERRETDB_VERSION} with Go (first run only, ~1-3 min)…`);
  const dir = ferretDir();
  const buildLog = path.join(dir, 'build.log');
  await fsp.mkdir(dir, { recursive: true });
  const env = goEnv(go);

  const json = await runStep(go, ['mod', 'download', '-json', `${MODULE}@v${FERRETDB_VERSION}`], { cwd: dir, env, logFile: buildLog, label: 'go mod download (FerretDB source)' });
  const info = JSON.parse(json) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${MODULE}@v${FERRETDB_VERSION} gave no source dir: ${info.Error ?? json}`);

  const src = path.join(dir, 'src');
  await fsp.rm(src, { recursive: true, force: true });
  await fsp.cp(info.Dir, src, { recursive: true });
  await makeWritable(src);
  // Release builds get this file from git describe; without it the binary panics at startup.
  await fsp.writeFile(path.join(src, 'build', 'version', 'version.txt'), `v${FERRETDB_VERSION}\n`);

  const tmpBinary = `${binary}.partial`;
  await runStep(go, ['build', '-trimpath', '-o', tmpBinary, './cmd/ferretdb'], { cwd: src, env, logFile: buildLog, label: 'go build (FerretDB)' });
  const version = await runStep(tmpBinary, ['--version'], { cwd: dir, logFile: buildLog, label: 'built FerretDB --version' });
  if (!version.includes(`v${FERRETDB_VERSION}`)) throw new Error(`built FerretDB reports an unexpected version:\n${version}`);
  await fsp.rename(tmpBinary, binary);
  // The source copy and Go's module/build caches (~1 GB) are only needed to build; the binary is what we keep.
  await fsp.rm(src, { recursive: true, force: true });
  await fsp.rm(goCacheDir(), { recursive: true, force: true });
}

/** Start FerretDB on the SQLite folder under `dataDir` (created if new, kept if not). Does not wait for it. */
export async function startFerret(dataDir: string, config: StackConfig = stackConfig()): Promise<ServerState> {
  const dbDir = path.join(dataDir, 'ferretdb');
  const logFile = path.join(dataDir, 'ferretdb.log');
  await fsp.mkdir(dbDir, { recursive: true });
  // A directory URI ending in '/'. synchronous(normal): with the WAL journal FerretDB uses, a commit waits for
  // no fsync, and survives a crash of FerretDB (not a power cut); single inserts measured 1.6-4x faster. This is
  // a development and test stack; deployments run MongoDB (docker-compose, docs/ARCHITECTURE.md).
  const sqliteFlag = `--sqlite-url=file:${dbDir}/?_pragma=synchronous(normal)`;
  const pid = spawnDetached(
    ferretBinary(),
    [
      '--handler=sqlite',
      sqliteFlag,
      `--listen-addr=${HOST}:${config.mongoPort}`,
      '--debug-addr=-', // no metrics/pprof HTTP listener (default would take 127.0.0.1:8088)
      '--telemetry=disable',
      `--state-dir=${dbDir}`, // default is the cwd
    ],
    { cwd: dbDir, logFile },
  );
  return { pid, port: config.mongoPort, version: FERRETDB_VERSION, logFile, cmdlineNeedle: sqliteFlag };
}

/** FerretDB opens its listener only once the backend is initialised, so an accepting port means ready. */
export async function waitForFerret(state: ServerState, timeoutMs = 30_000): Promise<void> {
  await waitUntil(() => isPortListening(state.port, HOST), {
    what: `FerretDB on ${HOST}:${state.port}`,
    timeoutMs,
    pid: state.pid,
    logFile: state.logFile,
  });
}
