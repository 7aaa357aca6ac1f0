import { z } from 'zod';
import { Agency, Role } from '../contracts/common.js';

/** Who is calling: taken from a verified token's claims, never from the request body. */
export const Principal = z.object({
  sub: z.string().min(1).max(128),
  name: z.string().min(1).max(120).optional(),
  agency: Agency,
  role: Role,
});
export type Principal = z.infer<typeof Principal>;
