import { describePoison } from '../support/poisonSuite.js';

// The short run; `npm run test:reliability` sends 1,000 bad with 1,000 good per consumer (POISON_COUNT overrides).
describePoison(Number(process.env.POISON_COUNT ?? 100));
