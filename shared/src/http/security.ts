import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { sendProblem } from './problem.js';

export interface SecurityOptions {
  /** The web UI's origin: the only origin allowed to call the API from a browser. */
  uiOrigin: string;
  rateLimitPerMinute: number;
  bodyLimit?: string;
}

/** Helmet, CORS for the UI's origin only, a rate limit, and a bounded JSON body parser. */
export function applySecurity(app: Express, options: SecurityOptions): void {
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(helmet());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin === options.uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') return void res.status(origin === options.uiOrigin ? 204 : 403).end();
    next();
  });
  app.use(rateLimit({
    windowMs: 60_000,
    limit: options.rateLimitPerMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => sendProblem(res, 429, 'rate_limited', 'too many requests; try again in a minute'),
  }));
  app.use(express.json({ limit: options.bodyLimit ?? '256kb', type: ['application/json', 'application/*+json'] }));
}
