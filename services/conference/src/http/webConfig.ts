import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import type { Config } from '../config.js';
import { devSignInAvailable } from './devSignIn.js';

/** The path the OIDC provider sends people back to: the redirect URI to register is `<conference origin>` + this. */
export const OIDC_CALLBACK_PATH = '/auth/callback' as const;

/** What the browser needs to know before anyone signs in: where each agency's API is, and how to sign in. */
export const WebClientConfig = z.object({
  agencies: z.object({ police: z.url(), cps: z.url(), health: z.url(), advocacy: z.url() }).describe('Where the browser calls each agency\'s API'),
  signIn: z.object({
    dev: z.boolean().describe('The demo partnership\'s pick-a-person sign-in (never in production)'),
    oidc: z.object({
      issuer: z.url().describe('The OIDC provider; its discovery document is at <issuer>/.well-known/openid-configuration'),
      clientId: z.string().describe('The web UI\'s client id at the provider (public client, authorization code with PKCE S256)'),
      scopes: z.string().describe('Space-separated scopes the UI asks for'),
      audience: z.string().describe('The audience the services require in the access token'),
      redirectPath: z.literal(OIDC_CALLBACK_PATH).describe('Appended to the page\'s origin: the redirect URI registered at the provider'),
    }).nullable().describe('Sign-in through the partnership\'s identity provider, when one is configured'),
  }),
});
export type WebClientConfig = z.infer<typeof WebClientConfig>;

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
