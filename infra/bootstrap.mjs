#!/usr/bin/env node
// Installs what the project needs before any other command runs, so `npm run demo` and `npm test` work
// on a fresh clone. Plain Node with no dependencies: it runs before node_modules exists.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`[bootstrap] ${line}`);

function fail(message) {
  console.error(`[bootstrap] ${message}`);
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) fail(`\`${cmd} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: Convene needs Node 20.19 or newer.`);

// npm dependencies: install when missing or when the lock file changed since the last install.
const lock = join(root, 'package-lock.json');
const installed = join(root, 'node_modules', '.package-lock.json');
const stale = !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000);
if (stale) {
  say('installing npm dependencies (npm ci)…');
  const cache = join(process.env.CONVENE_CACHE ?? join(process.env.HOME ?? '/tmp', '.cache', 'convene'), 'npm');
  run('npm', [existsSync(lock) ? 'ci' : 'install', '--no-audit', '--no-fund', '--cache', cache]);
}

// The local stack needs Java (Kafka), a JDK's javac and Maven (to fetch the Kafka and mongo-java-server jars
// and compile the database launcher), and Go only for CONVENE_DB=ferretdb (to build FerretDB), unless the
// user points Convene at their own Kafka and MongoDB.
const external = process.env.KAFKA_BROKERS && process.env.MONGO_URL;
if (!external) {
  const goPath = '/usr/local/go/bin';
  if (!has('go') && existsSync(join(goPath, 'go'))) process.env.PATH = `${process.env.PATH}:${goPath}`;
  const missing = [['java', 'openjdk-17-jdk-headless'], ['javac', 'openjdk-17-jdk-headless'], ['mvn', 'maven']].filter(([cmd]) => !has(cmd));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))];
    if (process.getuid?.() === 0 && has('apt-get')) {
      say(`installing ${packages.join(', ')} with apt-get…`);
      run('apt-get', ['update', '-qq']);
      run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } else {
      fail(`missing ${missing.map(([c]) => c).join(', ')}: install ${packages.join(', ')}, or set KAFKA_BROKERS and MONGO_URL to use your own servers.`);
    }
  }
  if (process.env.CONVENE_DB?.trim() === 'ferretdb' && !has('go') && !existsSync(join(goPath, 'go'))) {
    fail('missing the Go toolchain (1.22 or newer), needed once to build FerretDB (CONVENE_DB=ferretdb): install Go, or set KAFKA_BROKERS and MONGO_URL.');
  }
}

// The browser tests and `npm run screenshots` drive Debian's chromium (playwright cannot download its own here).
const chromium = process.env.CONVENE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    say('installing chromium with apt-get (for the browser tests)…');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    say(`no browser at ${chromium}: the browser tests and screenshots will fail until Debian's chromium is installed (apt-get install chromium, as root) or CONVENE_CHROMIUM names one.`);
  }
}
