import { z } from 'zod';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * Statistics settings, read from the environment by every service the same way. A threshold below 2 would
 * publish single records, so it is refused.
 */
export const StatisticsSettings = z.object({
  STATISTICS_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(DEFAULT_SUPPRESSION_THRESHOLD),
  STATISTICS_AUTO_PUBLISH: flag.default(true),
  STATISTICS_PUBLISH_EVERY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  /** Quarter-end releases carry the quarter and the year, audited (docs/ARCHITECTURE.md, "Quarters and years"). */
  STATISTICS_PERIODS: flag.default(true),
});
export type StatisticsSettings = z.infer<typeof StatisticsSettings>;

export function statisticsSettings(env: NodeJS.ProcessEnv = process.env): StatisticsSettings {
  const parsed = StatisticsSettings.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid statistics settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
