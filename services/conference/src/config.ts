import { z } from 'zod';
import { baseConfigShape, loadConfig } from '@convene/shared/config';

export const configShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  /**
   * Days a closed case is kept before everything of it is erased (0 = at once). Keep it at least as long as
   * the repeat window, or a repeat referral cannot be recognised once the earlier case is gone.
   */
  CASE_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  /** Days a CPS history-check chronology stays readable by the lawyer who asked. */
  HISTORY_CHECK_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  /** A referral matching a case closed this recently is a repeat referral. */
  REPEAT_WINDOW_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
};
export type Config = ReturnType<typeof loadConfig<typeof configShape>>;

/** Read once at start-up; a bad environment stops the service with every problem listed. */
export function loadConferenceConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(configShape, env);
}
