import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Where `npm run web:build` writes the UI: web/dist at the top of the repository (same depth from src/ and dist/). */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

export interface WebUiOptions {
  distDir: string;
  /** Origins the page may call besides its own: the agencies' APIs. */
  connectOrigins: string[];
}

/**
 * Paths that are never the app, even for a browser asking for HTML. `/auth/callback`, where the OIDC provider
 * sends people back, is the app's own route; only the development sign-in's `/auth/dev/*` is the API's.
 */
const NOT_THE_APP = /^\/(health|metrics|openapi\.json|config\.json|auth\/dev\/|socket\.io\/)/;

/**
 * The page's own security headers. The UI is mounted before the API's helmet (whose CSP would block calls to
 * the agencies), so it sets its own: scripts and styles from this origin only, API calls to the agencies.
 */
function securityHeaders(connectOrigins: string[]) {
  const csp = [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(), "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

/** A browser navigating (it asks for HTML), not an API client (fetch sends `*\/*`, clients send JSON). */
function isPageRequest(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD')
    && (req.headers.accept ?? '').includes('text/html')
    && !NOT_THE_APP.test(req.path)
    && !/\.[a-z0-9]+$/i.test(req.path);
}

/**
 * Serve the built UI when it exists: hashed assets (cached for a year), and index.html for any page
 * navigation so the app's own routes survive a reload. Returns false when there is no build to serve.
 */
export function mountWebUi(app: Express, options: WebUiOptions): boolean {
  const index = join(options.distDir, 'index.html');
  if (!existsSync(index)) return false;
  const headers = securityHeaders(options.connectOrigins);
  app.use('/assets', headers, express.static(join(options.distDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use((req, res, next) => {
    if (!isPageRequest(req)) return next();
    headers(req, res, () => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
  return true;
}
