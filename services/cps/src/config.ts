import { z } from 'zod';
import { baseConfigShape, linkSecretShape, loadConfig } from '@convene/shared/config';

export const configShape = {
  ...baseConfigShape,
  ...linkSecretShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4102),
  /** The longest history window this partnership's information-sharing agreement allows a lawyer to ask for. */
  HISTORY_WINDOW_MAX_MONTHS: z.coerce.number().int().min(1).max(120).default(60),
};
export type Config = ReturnType<typeof loadConfig<typeof configShape>>;

/** Read once at start-up; a bad environment stops the service with every problem listed. */
export function loadCpsConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(configShape, env);
}
