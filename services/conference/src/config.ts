import { z } from 'zod';
import { baseConfigShape, loadConfig, type ConfigCheck } from '@convene/shared/config';
import { DEFAULT_CASE_ACCESS_AFTER_MEETING_DAYS } from './domain/access.js';
import { AreasConfig, DEFAULT_AREAS } from './domain/areas.js';

export const configShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  /**
   * Days a closed case is kept before everything of it is erased (0 = at once). Keep it at least as long as
   * the repeat window, or a repeat referral cannot be recognised once the earlier case is gone.
   */
  CASE_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  /** The longest retention a chair may set when closing a case (`retentionDays`); the policy's upper bound. */
  CASE_RETENTION_MAX_DAYS: z.coerce.number().int().min(0).max(3650).default(730),
  /**
   * Days an invited member keeps access to a meeting's cases after the meeting ends (for minutes and actions);
   * after that only while their agency holds an open action on the case (0 = access ends with the meeting).
   */
  CASE_ACCESS_AFTER_MEETING_DAYS: z.coerce.number().int().min(0).max(365).default(DEFAULT_CASE_ACCESS_AFTER_MEETING_DAYS),
  /** How often a live-meeting socket's token expiry and meeting access are checked again while connected. */
  LIVE_ACCESS_RECHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /**
   * Hours the live topic keeps a meeting's pushes: what a reconnecting client can catch up on, and what each
   * instance reads back when it starts. Kafka deletes them after this.
   */
  LIVE_RETENTION_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  /** Days a CPS history-check chronology stays readable by the lawyer who asked. */
  HISTORY_CHECK_EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(28),
  /**
   * The areas this conference serves (JSON: `[{"id":"north","name":"North MARAC","contact":"marac.north@…"}]`):
   * each with its own chair, members, cases and meetings. Referrals and tokens without an area go to the first.
   */
  CONVENE_AREAS: z.string().trim().default(JSON.stringify(DEFAULT_AREAS)).transform((raw, ctx) => {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'a JSON array of {id, name, contact}' });
      return z.NEVER;
    }
    const parsed = AreasConfig.safeParse(json);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `a JSON array of {id, name, contact}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}` });
      return z.NEVER;
    }
    return parsed.data;
  }),
  /** A referral matching a case closed this recently is a repeat referral. */
  REPEAT_WINDOW_MONTHS: z.coerce.number().int().min(1).max(60).default(12),
  // The web UI. The browser calls each agency's API directly, at these addresses (served as /config.json).
  CONVENE_POLICE_URL: z.url().default('http://127.0.0.1:4101'),
  CONVENE_CPS_URL: z.url().default('http://127.0.0.1:4102'),
  CONVENE_HEALTH_URL: z.url().default('http://127.0.0.1:4103'),
  CONVENE_ADVOCACY_URL: z.url().default('http://127.0.0.1:4104'),
  /**
   * Pick-a-person sign-in for the demo partnership: off unless set to `true`, because it hands a signed token to
   * anyone who asks. `npm run demo` and the tests set it (scripts/lib/devSecrets.ts); see devSignInCheck.
   */
  CONVENE_DEV_SIGNIN: z.enum(['true', 'false'], 'true or false (unset means false)').transform((v) => v === 'true').default(false),
  /** The built web UI (Vite output); the UI is served only when this folder exists. */
  CONVENE_WEB_DIST: z.string().min(1).optional(),
  /**
   * The web UI's client id at the OIDC provider (CONVENE_OIDC_ISSUER): a public client signing people in with
   * the authorization code flow and PKCE, redirect URI `<conference origin>/auth/callback`.
   */
  CONVENE_OIDC_CLIENT_ID: z.string().trim().min(1).max(256).regex(/^[\x21-\x7e]+$/, 'printable ASCII, no spaces').optional(),
  /** Scopes the UI asks the provider for, space-separated; must include `openid`. */
  CONVENE_OIDC_SCOPES: z.string().trim()
    .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'space-separated scope names')
    .refine((s) => s.split(' ').includes('openid'), 'must include openid')
    .default('openid profile'),
};
export type Config = ReturnType<typeof loadConfig<typeof configShape>>;

/** With an OIDC provider, the web UI needs its client id there to sign anyone in (and a client id needs a provider). */
export const oidcClientCheck: ConfigCheck = (env) => {
  if (env.CONVENE_OIDC_ISSUER && !env.CONVENE_OIDC_CLIENT_ID?.trim()) {
    return ['CONVENE_OIDC_CLIENT_ID: required with CONVENE_OIDC_ISSUER: the web UI signs people in as this client of the provider (a public client: authorization code with PKCE, redirect URI <conference origin>/auth/callback)'];
  }
  if (env.CONVENE_OIDC_CLIENT_ID && !env.CONVENE_OIDC_ISSUER) {
    return ['CONVENE_OIDC_CLIENT_ID: set CONVENE_OIDC_ISSUER (the provider this client belongs to) as well, or leave the client id unset'];
  }
  return [];
};

/**
 * The development sign-in signs with the local issuer, so it needs that issuer's secret and a partnership
 * that accepts its tokens (with an OIDC provider the services take only the provider's); and it is never
 * for production. Asked for where it cannot work, the service refuses to start rather than quietly leaving it off.
 */
export const devSignInCheck: ConfigCheck = (env) => {
  if (env.CONVENE_DEV_SIGNIN !== 'true') return [];
  const problems: string[] = [];
  if (env.NODE_ENV === 'production') problems.push('CONVENE_DEV_SIGNIN: must not be true with NODE_ENV=production: it gives a signed token to anyone who asks; unset it and sign people in through CONVENE_OIDC_ISSUER');
  if (!env.CONVENE_JWT_SECRET) problems.push('CONVENE_DEV_SIGNIN: needs CONVENE_JWT_SECRET, the local issuer it signs tokens with: set CONVENE_JWT_SECRET (32+ characters), or unset CONVENE_DEV_SIGNIN');
  else if (env.CONVENE_OIDC_JWKS_URL) problems.push('CONVENE_DEV_SIGNIN: not with CONVENE_OIDC_JWKS_URL: the services then accept only the provider\'s tokens, never the development sign-in\'s; unset CONVENE_DEV_SIGNIN');
  return problems;
};

/** Read once at start-up; a bad environment stops the service with every problem listed. */
export function loadConferenceConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return loadConfig(configShape, env, [oidcClientCheck, devSignInCheck]);
}
