import { describePoison } from '../support/poisonSuite.js';

// The full run: per consumer, 1,000 bad messages mixed with 1,000 good ones.
describePoison(1000, 'poison');
