import { describe, expect, it } from 'vitest';
import { baseConfigShape, ConfigError, loadConfig, tokenIssuerCheck } from './index.js';

const SECRET = 's'.repeat(40);
const OIDC = { CONVENE_OIDC_ISSUER: 'https://idp.example.org/realms/leeds', CONVENE_OIDC_JWKS_URL: 'https://idp.example.org/realms/leeds/certs' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(baseConfigShape, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('a service with nothing to verify tokens with', () => {
  it('refuses to start, saying which variables to set for either kind of issuer', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CONVENE_OIDC_ISSUER or CONVENE_JWT_SECRET: /);
    for (const variable of ['CONVENE_OIDC_ISSUER', 'CONVENE_OIDC_JWKS_URL', 'CONVENE_JWT_SECRET']) expect(problems[0]).toContain(variable);
  });

  it('counts an empty variable as unset', () => {
    expect(tokenIssuerCheck({ CONVENE_JWT_SECRET: '', CONVENE_OIDC_ISSUER: '', CONVENE_OIDC_JWKS_URL: '' })).toHaveLength(1);
  });

  it('reports it together with every other bad variable', () => {
    const problems = problemsOf({ KAFKA_TOPIC_PARTITIONS: 'many', LOG_LEVEL: 'loud' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['KAFKA_TOPIC_PARTITIONS', 'LOG_LEVEL', 'CONVENE_OIDC_ISSUER or CONVENE_JWT_SECRET']));
  });
});

describe('an OIDC provider', () => {
  it('needs both its issuer and its key set, naming the one missing', () => {
    expect(problemsOf({ CONVENE_OIDC_JWKS_URL: OIDC.CONVENE_OIDC_JWKS_URL })).toEqual([expect.stringMatching(/^CONVENE_OIDC_ISSUER: required with CONVENE_OIDC_JWKS_URL/)]);
    expect(problemsOf({ CONVENE_OIDC_ISSUER: OIDC.CONVENE_OIDC_ISSUER })).toEqual([expect.stringMatching(/^CONVENE_OIDC_JWKS_URL: required with CONVENE_OIDC_ISSUER/)]);
    // A local secret does not make up for half a provider: its tokens still could not be verified.
    expect(problemsOf({ CONVENE_JWT_SECRET: SECRET, CONVENE_OIDC_ISSUER: OIDC.CONVENE_OIDC_ISSUER })).toEqual([expect.stringMatching(/^CONVENE_OIDC_JWKS_URL: /)]);
  });

  it('is enough on its own, as is the local secret on its own', () => {
    expect(problemsOf(OIDC)).toEqual([]);
    expect(problemsOf({ CONVENE_JWT_SECRET: SECRET })).toEqual([]);
  });
});

describe('CONVENE_METRICS_TOKEN', () => {
  it('is unset by default and when empty', () => {
    expect(loadConfig(baseConfigShape, { CONVENE_JWT_SECRET: SECRET }).CONVENE_METRICS_TOKEN).toBeUndefined();
    expect(loadConfig(baseConfigShape, { CONVENE_JWT_SECRET: SECRET, CONVENE_METRICS_TOKEN: '' }).CONVENE_METRICS_TOKEN).toBeUndefined();
    expect(loadConfig(baseConfigShape, { CONVENE_JWT_SECRET: SECRET, CONVENE_METRICS_TOKEN: 'm'.repeat(32) }).CONVENE_METRICS_TOKEN).toBe('m'.repeat(32));
  });

  it('must be long enough and fit in a header, without being echoed', () => {
    const short = problemsOf({ CONVENE_JWT_SECRET: SECRET, CONVENE_METRICS_TOKEN: 'hunter2-metrics' });
    expect(short).toEqual([expect.stringMatching(/^CONVENE_METRICS_TOKEN: must be at least 32 characters/)]);
    expect(short.join()).not.toContain('hunter2');
    expect(problemsOf({ CONVENE_JWT_SECRET: SECRET, CONVENE_METRICS_TOKEN: `${'m'.repeat(32)} with spaces` })).toEqual([expect.stringMatching(/^CONVENE_METRICS_TOKEN: letters, digits/)]);
  });
});
