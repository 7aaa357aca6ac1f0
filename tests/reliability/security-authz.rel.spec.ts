import { describeAuthz } from '../security/authzSuite.js';

describeAuthz('authorisation matrix, reliability run (all five services in-process)');
