// `npm run stack:up | stack:status | stack:down` — a thin, human-readable wrapper over stack.ts.
import { cacheDir } from './paths.js';
import { ensureStack, stackStatus, stopStack } from './stack.js';
import { readState } from './state.js';

const say = (line: string) => console.log(line);

async function up(): Promise<number> {
  const started = Date.now();
  const { endpoints, startedByUs } = await ensureStack({ log: say });
  if (startedByUs) say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
  say(`MONGO_URL=${endpoints.external ? endpoints.mongoUrl.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@') : endpoints.mongoUrl}`);
  return 0;
}

async function status(): Promise<number> {
  const s = await stackStatus();
  const row = (name: string, st: { up: boolean; where: string; version: string }) =>
    say(`${name.padEnd(8)} ${(st.up ? 'up' : 'DOWN').padEnd(5)} ${st.where}  [${st.version}]`);
  row('kafka', s.kafka);
  row('mongo', s.mongo);
  if (s.external) {
    say('external servers (KAFKA_BROKERS and MONGO_URL are set); nothing is managed locally');
  } else {
    const state = readState();
    if (state) say(`data: ${state.dataDir}`);
    say(`cache: ${cacheDir()}`);
  }
  return s.kafka.up && s.mongo.up ? 0 : 1;
}

async function down(): Promise<number> {
  await stopStack({ log: say });
  return 0;
}

const commands: Record<string, () => Promise<number>> = { up, status, down };
const name = process.argv[2] ?? '';
const command = commands[name];
if (!command) {
  console.error('usage: tsx infra/local/cli.ts up|status|down');
  process.exitCode = 2;
} else {
  try {
    process.exitCode = await command();
  } catch (err) {
    console.error(`stack ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
