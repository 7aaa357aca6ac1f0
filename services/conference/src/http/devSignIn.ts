import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { issueLocalToken } from '@convene/shared/auth';
import { sendProblem } from '@convene/shared/http';
import { demoPeopleServed } from './demoPartnership.js';
import { areasOf, DEFAULT_AREAS, type Areas } from '../domain/areas.js';

export interface DevSignInOptions {
  nodeEnv: string;
  enabled: boolean;
  /** The local issuer's secret; without one (an OIDC partnership) there is nothing to sign with. */
  jwtSecret: string | undefined;
  audience: string;
  /** The areas served: who is listed, and the area claim each token carries (default: the one default area). */
  areas?: Areas;
}

/**
 * Dev sign-in exists only outside production, when switched on (CONVENE_DEV_SIGNIN=true), and with a local
 * signing secret. The config refuses to start otherwise (devSignInCheck); this is the second lock.
 */
export function devSignInAvailable(options: DevSignInOptions): boolean {
  return options.nodeEnv !== 'production' && options.enabled && Boolean(options.jwtSecret);
}

const TokenRequest = z.strictObject({ personId: z.string().min(1).max(128) });

/**
 * Pick-a-person sign-in for the demo partnership: `GET /auth/dev/people` and `POST /auth/dev/token`. It hands
 * out real, signed 8-hour tokens to anyone who asks, which is why it never runs in production; a real
 * partnership signs in through its OIDC provider instead. Plain routes, not API specs: not part of the API.
 */
export function devSignInRouter(options: DevSignInOptions): Router {
  const router = Router();
  if (!devSignInAvailable(options)) return router;
  const secret = options.jwtSecret!;
  const areas = options.areas ?? areasOf(DEFAULT_AREAS);

  router.get('/auth/dev/people', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(demoPeopleServed(areas).map(({ person: { sub, name, role, agency, title } }) => ({ id: sub, displayName: name, role, agency, title })));
  });

  router.post('/auth/dev/token', async (req: Request, res: Response) => {
    const parsed = TokenRequest.safeParse(req.body);
    if (!parsed.success) {
      return sendProblem(res, 400, 'invalid_request', 'send { "personId": "<id from GET /auth/dev/people>" }', [{ field: 'body.personId', reason: 'required' }]);
    }
    const served = demoPeopleServed(areas).find(({ person }) => person.sub === parsed.data.personId);
    if (!served) return sendProblem(res, 404, 'not_found', `no demo person ${parsed.data.personId}`, [{ field: 'body.personId', reason: 'unknown person' }]);
    const { person, area } = served;
    const principal = { sub: person.sub, name: person.name, agency: person.agency, role: person.role, ...(area ? { area } : {}) };
    const token = await issueLocalToken(secret, principal, { audience: options.audience, expiresIn: '8h' });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ token, principal });
  });
  return router;
}
