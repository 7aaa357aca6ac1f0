import { describeAuthz } from '../security/authzSuite.js';

// Every endpoint × every role × member/non-member, the socket join, and bad tokens: the whole matrix is quick,
// so the short run asserts every cell too.
describeAuthz('authorisation matrix (all five services in-process)');
