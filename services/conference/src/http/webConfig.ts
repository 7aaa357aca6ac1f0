import { OIDC_CALLBACK_PATH, WebClientConfig } from '@convene/shared/contracts';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import type { Config } from '../config.js';
import { devSignInAvailable } from './devSignIn.js';

export { OIDC_CALLBACK_PATH, WebClientConfig };

export function webClientConfig(config: Config): WebClientConfig {
  const oidc = config.CONVENE_OIDC_ISSUER && config.CONVENE_OIDC_CLIENT_ID
    ? { issuer: config.CONVENE_OIDC_ISSUER, clientId: config.CONVENE_OIDC_CLIENT_ID, scopes: config.CONVENE_OIDC_SCOPES, audience: config.CONVENE_JWT_AUDIENCE, redirectPath: OIDC_CALLBACK_PATH }
    : null;
  return {
    agencies: {
      police: config.CONVENE_POLICE_URL.replace(/\/+$/, ''),
      cps: config.CONVENE_CPS_URL.replace(/\/+$/, ''),
      health: config.CONVENE_HEALTH_URL.replace(/\/+$/, ''),
      advocacy: config.CONVENE_ADVOCACY_URL.replace(/\/+$/, ''),
    },
    areas: config.CONVENE_AREAS.map(({ id, name }) => ({ id, name })),
    signIn: {
      dev: devSignInAvailable({ nodeEnv: config.NODE_ENV, enabled: config.CONVENE_DEV_SIGNIN, jwtSecret: config.CONVENE_JWT_SECRET, audience: config.CONVENE_JWT_AUDIENCE }),
      oidc,
    },
  };
}

/** `GET /config.json`: public, holds no secret (an OIDC public client's id is not one). */
export function webConfigRoute(config: Config): RouteSpec {
  const body = WebClientConfig.parse(webClientConfig(config));
  return defineRoute({
    method: 'get', path: '/config.json', operationId: 'getWebConfig', tag: 'web', permission: 'public',
    summary: 'What the web UI needs before sign-in: each agency\'s API address and how people sign in',
    success: { status: 200, description: 'The web UI\'s configuration', schema: WebClientConfig },
    handler: ({ res }) => {
      res.setHeader('Cache-Control', 'no-cache');
      return body;
    },
  });
}
