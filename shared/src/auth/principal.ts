// Who is calling is a contract the web UI reads too: defined with the contracts.
export { Principal } from '../contracts/common.js';
