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
});
