import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/index.js';

/**
 * Compare a presented secret with the expected one in constant time. Both are hashed first, so neither the
 * content nor the length of the expected secret shows in how long a wrong guess takes.
 */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Only a scraper holding CONVENE_METRICS_TOKEN reads /metrics: the figures name routes, event types and
 * process internals, which are nobody else's business. A missing or wrong token is 401 (problem+json).
 */
export function requireScrapeToken(token: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header) : null;
    if (match && sameSecret(match[1]!, token)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    next(new DomainError('unauthenticated', match ? 'wrong metrics token' : 'a Bearer token (CONVENE_METRICS_TOKEN) is required for /metrics', { status: 401 }));
  };
}
