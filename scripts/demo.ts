// `npm run demo`: start the local stack (unless KAFKA_BROKERS/MONGO_URL are set) and all five services, seed
// the demo partnership through the services' APIs, print where they listen and who to sign in as, and stop
// everything cleanly on SIGINT (Ctrl-C) or SIGTERM, including one sent to the npm process alone.
//
// npm passes a signal only to the script's shell. While the shell runs bootstrap and the web build, its trap
// (package.json) lets that step finish, then exits 0 without starting anything more; `exec` then replaces the
// shell with this process. Its listener goes in before the rest of the demo loads (a dynamic import), so a
// signal during loading stops the demo cleanly instead of killing it half-started.
import { listenForStopSignals } from './demo/stopSignals.js';

const startedAt = Date.now();
const signals = listenForStopSignals();
const { runDemo } = await import('./demo/runDemo.js');
await runDemo(signals, startedAt);
