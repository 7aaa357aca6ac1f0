import { describe } from 'vitest';
import { describeHostile, describeRateLimit } from '../security/hostileSuite.js';

// The short run: about 1,000 hostile HTTP requests and 200 socket messages; the reliability project sends 10,000+.
describeHostile('hostile input, short run (all five services in-process)', { requestsPerService: 200, socketMessages: 200 });
describe('rate limit', () => describeRateLimit());
