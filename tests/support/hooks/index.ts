import { fileURLToPath } from 'node:url';

/** A service process loading this dies by SIGKILL right after the first command it records is inserted. */
export const CRASH_AFTER_RECORD = fileURLToPath(new URL('./crashAfterRecord.ts', import.meta.url));
