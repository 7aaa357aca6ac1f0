import { z } from 'zod';
import { baseConfigShape, loadConfig } from '@convene/shared/config';

export const configShape = {
  ...baseConfigShape,

  PORT: z.coerce.number().int().min(0).max(65535).default(4100),
};
export type Config = ReturnType<typeof loadConfig<typeof configShape>>;

/** Read once at start-up; a bad environment stops the service with every problem listed. */
export function loadConferenceConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(configShape, env);
}
