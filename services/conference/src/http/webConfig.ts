import { Router } from 'express';
import type { Config } from '../config.js';
import { devSignInAvailable } from './devSignIn.js';

/** What the browser needs to know before anyone signs in: where each agency's API is, and how to sign in. */
export function webClientConfig(config: Config) {
  return {
    agencies: {
      police: config.CONVENE_POLICE_URL.replace(/\/+$/, ''),
      cps: config.CONVENE_CPS_URL.replace(/\/+$/, ''),
      health: config.CONVENE_HEALTH_URL.replace(/\/+$/, ''),
      advocacy: config.CONVENE_ADVOCACY_URL.replace(/\/+$/, ''),
    },
    signIn: {
      dev: devSignInAvailable({ nodeEnv: config.NODE_ENV, enabled: config.CONVENE_DEV_SIGNIN, jwtSecret: config.CONVENE_JWT_SECRET, audience: config.CONVENE_JWT_AUDIENCE }),
      oidcIssuer: config.CONVENE_OIDC_ISSUER ?? null,
    },
  };
}

export type WebClientConfig = ReturnType<typeof webClientConfig>;

/** `GET /config.json`: public, holds no secret. */
export function webConfigRouter(config: Config): Router {
  const body = webClientConfig(config);
  const router = Router();
  router.get('/config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(body);
  });
  return router;
}
