import type { NextFunction, Request, Response } from 'express';
import type { Principal } from './principal.js';
import { unauthenticated, type TokenVerifier } from './verifier.js';

/** Express middleware: a valid bearer token or 401. The principal is stored on res.locals. */
export function authenticate(verify: TokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) return next(unauthenticated('a Bearer token is required'));
    try {
      res.locals.principal = await verify(match[1]!);
      next();
    } catch (err) {
      next(err);
    }
  };
}

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw unauthenticated('not authenticated');
  return principal;
}
