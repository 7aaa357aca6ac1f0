// Apache Kafka, single KRaft node (broker + controller in one JVM), run straight from its Maven jars:
// no tarball mirror, no Docker, no shell scripts — just `java -cp libs/* kafka.Kafka`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { HOST, KAFKA_VERSION, type StackConfig, infraLocalDir, kafkaDir, kafkaLibsDir, mavenRepoDir, stackConfig } from './paths.js';
import { findExecutable, isPortListening, javaExecutable, runStep, spawnDetached, waitUntil } from './processes.js';
import type { ServerState } from './state.js';

export type KafkaState = ServerState & { controllerPort: number };

const READY_LINE = 'Kafka Server started';

/** Download Kafka's jars once into the cache (Maven used purely as a dependency downloader). */
export async function ensureKafkaInstalled(log: (line: string) => void): Promise<void> {
  const dir = kafkaDir();
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker) && fs.existsSync(kafkaLibsDir())) return;

  javaExecutable(); // fail before downloading if we could not run it anyway
  const mvn = findExecutable('mvn');
  if (!mvn) throw new Error('Maven (mvn) is not on PATH; it is needed once to fetch Kafka. Install it, or set KAFKA_BROKERS and MONGO_URL to use your own servers');

  log(`downloading Kafka ${KAFKA_VERSION} jars from Maven Central (first run only, ~10 s)…`);
  await fsp.mkdir(dir, { recursive: true });
  const pom = path.join(dir, 'pom.xml');
  await fsp.copyFile(path.join(infraLocalDir, 'kafka', 'pom.xml'), pom);
  // Fill a temp folder and rename, so an interrupted download never looks complete.
  const staging = path.join(dir, 'libs.partial');
  await fsp.rm(staging, { recursive: true, force: true });
  await runStep(
    mvn,
    [
      '-q',
      '-B',
      '-f',
      pom,
      `-Dmaven.repo.local=${mavenRepoDir()}`,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ],
    { cwd: dir, logFile: path.join(dir, 'mvn.log'), label: `Maven download of Kafka ${KAFKA_VERSION}` },
  );
  await fsp.rm(kafkaLibsDir(), { recursive: true, force: true });
  await fsp.rename(staging, kafkaLibsDir());
  await fsp.writeFile(marker, `${KAFKA_VERSION}\n`);
}

/** KRaft cluster id: 16 random bytes, base64url without padding (what `StorageTool random-uuid` prints, minus a JVM start). */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id; // Kafka avoids ids that look like CLI flags
  }
}

function serverProperties(logDirs: string, config: StackConfig): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${config.kafkaControllerPort}`,
    `listeners=PLAINTEXT://${HOST}:${config.kafkaPort},CONTROLLER://${HOST}:${config.kafkaControllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${config.kafkaPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDirs}`,
    'num.partitions=6',
    // Single node: internal topics cannot have more than one replica.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    // Tests start consumers and expect assignments at once, not after the default 3 s.
    'group.initial.rebalance.delay.ms=0',
    // Topics are created explicitly by the services, so typos fail loudly.
    'auto.create.topics.enable=false',
    'message.max.bytes=1048588',
    '',
  ].join('\n');
}

// Kafka logs via reload4j to stdout, which spawnDetached sends to the log file.
const LOG4J_PROPERTIES = [
  'log4j.rootLogger=WARN, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  // INFO for kafka.* includes the "Kafka Server started" line used for readiness.
  'log4j.logger.kafka=INFO',
  '',
].join('\n');

/**
 * Format a fresh KRaft log dir under `dataDir` and start the broker detached. Does not wait for it.
 * `format: false` starts it again on the log dir it already has (a restart that keeps the data).
 */
export async function startKafka(dataDir: string, options: { config?: StackConfig; format?: boolean } = {}): Promise<KafkaState> {
  const config = options.config ?? stackConfig();
  const java = javaExecutable();
  const dir = path.join(dataDir, 'kafka');
  const configFile = path.join(dir, 'server.properties');
  const log4jFile = path.join(dir, 'log4j.properties');
  const logFile = path.join(dataDir, 'kafka.log');
  await fsp.mkdir(path.join(dir, 'data'), { recursive: true });
  await fsp.writeFile(configFile, serverProperties(path.join(dir, 'data'), config));
  await fsp.writeFile(log4jFile, LOG4J_PROPERTIES);

  // Java expands the trailing `*` itself; no shell involved.
  const classpath = path.join(kafkaLibsDir(), '*');
  const log4j = `-Dlog4j.configuration=file:${log4jFile}`;
  if (options.format !== false) {
    await runStep(java, [log4j, '-cp', classpath, 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', configFile], {
      cwd: dir,
      logFile,
      label: 'formatting Kafka storage (kafka.tools.StorageTool format)',
    });
  }
  const pid = spawnDetached(java, ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-Djava.awt.headless=true', log4j, '-cp', classpath, 'kafka.Kafka', configFile], {
    cwd: dir,
    logFile,
  });
  return {
    pid,
    port: config.kafkaPort,
    controllerPort: config.kafkaControllerPort,
    version: KAFKA_VERSION,
    logFile,
    cmdlineNeedle: configFile,
  };
}

function logHasReadyLine(logFile: string, from = 0): boolean {
  try {
    return fs.readFileSync(logFile).subarray(from).toString('utf8').includes(READY_LINE);
  } catch {
    return false;
  }
}

/**
 * Ready = the broker port accepts connections and the server logged that startup finished (after byte
 * `logFrom` of its log: a restarted broker appends to the log of its previous run).
 */
export async function waitForKafka(state: KafkaState, timeoutMs = 90_000, logFrom = 0): Promise<void> {
  await waitUntil(async () => logHasReadyLine(state.logFile, logFrom) && (await isPortListening(state.port, HOST)), {
    what: `Kafka on ${HOST}:${state.port}`,
    timeoutMs,
    pid: state.pid,
    logFile: state.logFile,
  });
}
