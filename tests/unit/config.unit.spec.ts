import { describe, expect, it } from 'vitest';
import { ConfigError } from '@convene/shared/config';
import { loadPoliceConfig } from '../../services/police/src/config.js';
import { loadConferenceConfig } from '../../services/conference/src/config.js';

describe('service configuration', () => {
  it('fails fast listing every bad variable, without echoing secret values', () => {
    let error: unknown;
    try {
      loadPoliceConfig({ PORT: 'eighty', KAFKA_BROKERS: 'no port here', CONVENE_LINK_SECRET: 'short-secret-value' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const variable of ['CONVENE_LINK_SECRET', 'PORT', 'KAFKA_BROKERS', 'CONVENE_JWT_SECRET']) expect(message).toContain(variable);
    expect(message).not.toContain('short-secret-value');
  });

  it('has sensible defaults for everything but secrets', () => {
    const config = loadConferenceConfig({ CONVENE_JWT_SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ PORT: 4100, HOST: '127.0.0.1', KAFKA_BROKERS: ['127.0.0.1:9092'], MONGO_URL: 'mongodb://127.0.0.1:27017' });
    expect(loadPoliceConfig({ CONVENE_JWT_SECRET: 'x'.repeat(40), CONVENE_LINK_SECRET: 'y'.repeat(40) }).PORT).toBe(4101);
  });

  it('needs the web UI\'s client id whenever the conference trusts an OIDC provider, and a provider for a client id', () => {
    const oidc = { CONVENE_OIDC_ISSUER: 'https://idp.example.org/realms/leeds', CONVENE_OIDC_JWKS_URL: 'https://idp.example.org/realms/leeds/certs' };
    expect(() => loadConferenceConfig(oidc)).toThrow(/CONVENE_OIDC_CLIENT_ID: required with CONVENE_OIDC_ISSUER.*redirect URI <conference origin>\/auth\/callback/);
    expect(() => loadConferenceConfig({ CONVENE_JWT_SECRET: 'x'.repeat(40), CONVENE_OIDC_CLIENT_ID: 'convene-web' })).toThrow(/CONVENE_OIDC_CLIENT_ID: set CONVENE_OIDC_ISSUER/);
    expect(() => loadConferenceConfig({ ...oidc, CONVENE_OIDC_CLIENT_ID: 'convene-web', CONVENE_OIDC_SCOPES: 'profile email' })).toThrow(/CONVENE_OIDC_SCOPES: must include openid/);
    const config = loadConferenceConfig({ ...oidc, CONVENE_OIDC_CLIENT_ID: 'convene-web' });
    expect(config).toMatchObject({ CONVENE_OIDC_CLIENT_ID: 'convene-web', CONVENE_OIDC_SCOPES: 'openid profile' });
    expect(loadConferenceConfig({ ...oidc, CONVENE_OIDC_CLIENT_ID: 'convene-web', CONVENE_OIDC_SCOPES: 'openid profile api://convene/access' }).CONVENE_OIDC_SCOPES).toBe('openid profile api://convene/access');
    // The agencies verify the provider's tokens but sign nobody in: no client id for them.
    expect(loadPoliceConfig({ ...oidc, CONVENE_LINK_SECRET: 'y'.repeat(40) }).PORT).toBe(4101);
  });
});
