import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Personal data never reaches a log: anything that can hold a name, date of birth, identifier or free text
 * is redacted by key, wherever it sits. Log event ids, case references, trace ids and counts instead.
 */
const PERSONAL_KEYS = [
  'given', 'family', 'name', 'displayName', 'dateOfBirth', 'nhsNumber', 'pncId', 'postcode', 'people', 'subjects',
  'summary', 'account', 'detail', 'wishes', 'fears', 'reason', 'rationale', 'description', 'authorization', 'token',
];
export const redactPaths = PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]);

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
    redact: { paths: redactPaths, censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...options,
  });
}
