import { describe, expect, it, vi } from 'vitest';
import { issueLocalToken } from './issuer.js';
import { createTokenVerifier } from './verifier.js';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const chair = { sub: 'chair-1', agency: 'conference', role: 'chair' } as const;

describe('the token verifier', () => {
  it('accepts a good token, again from what it remembers, and refuses it once expired', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const verify = createTokenVerifier({ secret: SECRET, audience: 'convene' });
      const token = await issueLocalToken(SECRET, chair, { expiresIn: '60s' });
      expect(await verify(token)).toMatchObject(chair);
      expect(await verify(token)).toMatchObject(chair);
      vi.setSystemTime(Date.now() + 70_000);
      await expect(verify(token)).rejects.toMatchObject({ status: 401 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('never takes a token for one it verified before unless it is the same string', async () => {
    const verify = createTokenVerifier({ secret: SECRET, audience: 'convene' });
    const token = await issueLocalToken(SECRET, chair);
    await verify(token);
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'scrutiny' })).toString('base64url')}.${signature}`;
    await expect(verify(forged)).rejects.toMatchObject({ status: 401 });
    await expect(verify(`${token}x`)).rejects.toMatchObject({ status: 401 });
  });
});
