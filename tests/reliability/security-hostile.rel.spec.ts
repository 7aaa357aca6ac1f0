import { describe } from 'vitest';
import { describeHostile, describeRateLimit } from '../security/hostileSuite.js';

// The full run: 10,500 hostile HTTP requests across the five services and 2,000 socket messages.
describeHostile('hostile input, full run (all five services in-process)', { requestsPerService: 2_100, socketMessages: 2_000, concurrency: 6, figures: 'hostile' });
describe('rate limit', () => describeRateLimit());
