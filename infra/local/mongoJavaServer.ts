// mongo-java-server (MongoDB wire protocol over H2's MVStore, one file), run from its Maven jars like Kafka:
// Maven downloads the jars once, javac compiles the small launcher (mongo-java-server/: ConveneMongoServer.java and
// the index key type it configures) against them, and `java -cp` runs it. Nothing but Maven Central is reached,
// and only on the first run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { HOST, MONGO_JAVA_SERVER_VERSION, type StackConfig, infraLocalDir, mavenRepoDir, mongoJavaServerDir, stackConfig } from './paths.js';
import { findExecutable, isPortListening, javacExecutable, javaExecutable, runStep, spawnDetached, waitUntil } from './processes.js';
import type { ServerState } from './state.js';

const SOURCE_DIR = path.join(infraLocalDir, 'mongo-java-server');
const MAIN_CLASS = 'ConveneMongoServer';
const READY_LINE = 'convene mongo-java-server ready';

/** The folder of mongo-java-server's jars (and their dependencies), once installed. */
export const libsDir = () => path.join(mongoJavaServerDir(), 'libs');
const classesDir = () => path.join(mongoJavaServerDir(), 'classes');

/** The launcher's Java sources: the main class and the backend it configures (in their package folders). */
function launcherSources(dir = SOURCE_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return launcherSources(full);
    return entry.name.endsWith('.java') ? [full] : [];
  }).sort();
}

/** What the compiled launcher was built from: a changed source is compiled again. */
function launcherStamp(): string {
  const hash = createHash('sha256');
  for (const file of launcherSources()) hash.update(path.relative(SOURCE_DIR, file)).update(fs.readFileSync(file));
  return `${MONGO_JAVA_SERVER_VERSION} ${hash.digest('hex').slice(0, 16)}\n`;
}

/** Download the jars (first run) and compile the launcher (first run, or after it changed) into the cache. */
export async function ensureMongoJavaServerInstalled(log: (line: string) => void): Promise<void> {
  const dir = mongoJavaServerDir();
  const jarsMarker = path.join(dir, '.complete');
  const classesMarker = path.join(classesDir(), '.stamp');
  const stamp = launcherStamp();
  const jarsReady = fs.existsSync(jarsMarker) && fs.existsSync(libsDir());
  const classesReady = fs.existsSync(classesMarker) && fs.readFileSync(classesMarker, 'utf8') === stamp;
  if (jarsReady && classesReady) return;

  const javac = javacExecutable(); // fail before downloading if we could not compile the launcher anyway
  await fsp.mkdir(dir, { recursive: true });
  if (!jarsReady) {
    const mvn = findExecutable('mvn');
    if (!mvn) throw new Error('Maven (mvn) is not on PATH; it is needed once to fetch mongo-java-server. Install it, or set KAFKA_BROKERS and MONGO_URL to use your own servers');
    log(`downloading mongo-java-server ${MONGO_JAVA_SERVER_VERSION} jars from Maven Central (first run only, ~10 s)…`);
    const pom = path.join(dir, 'pom.xml');
    await fsp.copyFile(path.join(SOURCE_DIR, 'pom.xml'), pom);
    // Fill a temp folder and rename, so an interrupted download never looks complete.
    const staging = path.join(dir, 'libs.partial');
    await fsp.rm(staging, { recursive: true, force: true });
    await runStep(
      mvn,
      ['-q', '-B', '-f', pom, `-Dmaven.repo.local=${mavenRepoDir()}`, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${staging}`],
      { cwd: dir, logFile: path.join(dir, 'mvn.log'), label: `Maven download of mongo-java-server ${MONGO_JAVA_SERVER_VERSION}` },
    );
    await fsp.rm(libsDir(), { recursive: true, force: true });
    await fsp.rename(staging, libsDir());
    await fsp.writeFile(jarsMarker, `${MONGO_JAVA_SERVER_VERSION}\n`);
  }
  const staging = path.join(dir, 'classes.partial');
  await fsp.rm(staging, { recursive: true, force: true });
  await runStep(
    javac,
    ['--release', '17', '-nowarn', '-d', staging, '-cp', path.join(libsDir(), '*'), ...launcherSources()],
    { cwd: dir, logFile: path.join(dir, 'javac.log'), label: `javac ${MAIN_CLASS} and its backend` },
  );
  await fsp.writeFile(path.join(staging, '.stamp'), stamp);
  await fsp.rm(classesDir(), { recursive: true, force: true });
  await fsp.rename(staging, classesDir());
}

/** Start mongo-java-server on the H2 file under `dataDir` (created if new, kept if not). Does not wait for it. */
export async function startMongoJavaServer(dataDir: string, config: StackConfig = stackConfig()): Promise<ServerState> {
  const dir = path.join(dataDir, 'mongo-java-server');
  const file = path.join(dir, 'convene.mv.db');
  const logFile = path.join(dataDir, 'mongo-java-server.log');
  await fsp.mkdir(dir, { recursive: true });
  const pid = spawnDetached(
    javaExecutable(),
    [
      // The H2 store caches pages on the heap; 1 GB holds the tests' and the bench's data with room to spare.
      '-Xmx1g',
      '-XX:+ExitOnOutOfMemoryError',
      '-XX:+UseSerialGC', // one small heap on 2 shared cores: no parallel GC threads competing with the services
      '-Djava.awt.headless=true',
      // slf4j-simple to the log file: warnings and errors only (at info it logs every connection).
      '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
      '-Dorg.slf4j.simpleLogger.showDateTime=true',
      '-Dorg.slf4j.simpleLogger.logFile=System.out',
      // Not worth a line each: a client dropping its connection (a stack trace per socket) and the
      // secondary-index warning per createIndex (a known quirk, db.ts). Failed commands are still logged.
      '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.wire.MongoExceptionHandler=off',
      '-Dorg.slf4j.simpleLogger.log.de.bwaldvogel.mongo.backend.AbstractMongoDatabase=error',
      '-cp',
      [classesDir(), path.join(libsDir(), '*')].join(path.delimiter),
      MAIN_CLASS,
      HOST,
      String(config.mongoPort),
      file,
    ],
    { cwd: dir, logFile },
  );
  return { pid, port: config.mongoPort, version: MONGO_JAVA_SERVER_VERSION, logFile, cmdlineNeedle: file };
}

function logHasReadyLine(logFile: string, from: number): boolean {
  try {
    return fs.readFileSync(logFile).subarray(from).toString('utf8').includes(READY_LINE);
  } catch {
    return false;
  }
}

/** Ready = the launcher printed its ready line (after byte `logFrom`: a restart appends) and the port accepts. */
export async function waitForMongoJavaServer(state: ServerState, timeoutMs = 60_000, logFrom = 0): Promise<void> {
  await waitUntil(async () => logHasReadyLine(state.logFile, logFrom) && (await isPortListening(state.port, HOST)), {
    what: `mongo-java-server on ${HOST}:${state.port}`,
    timeoutMs,
    pid: state.pid,
    logFile: state.logFile,
  });
}
