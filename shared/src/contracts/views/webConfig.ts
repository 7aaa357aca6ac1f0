import { z } from 'zod';

/** The path the OIDC provider sends people back to: the redirect URI to register is `<conference origin>` + this. */
export const OIDC_CALLBACK_PATH = '/auth/callback' as const;

/** `GET /config.json`: what the browser needs to know before anyone signs in: where each agency's API is, and how to sign in. */
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
  areas: z.array(z.object({ id: z.string(), name: z.string() })).describe('The areas this conference serves, by id and name (a case can be transferred to any of them)'),
});
export type WebClientConfig = z.infer<typeof WebClientConfig>;
