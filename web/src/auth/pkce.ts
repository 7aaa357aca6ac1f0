import { SignInError } from './errors';

/** RFC 7636 PKCE: a random verifier, and its S256 challenge (base64url of its SHA-256). */

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `bytes` of cryptographic randomness, base64url: 32 bytes give a 43-character verifier. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function s256Challenge(verifier: string): Promise<string> {
  // Web Crypto's digest exists only in a secure context: https, or http on localhost / 127.0.0.1.
  if (!globalThis.crypto?.subtle) {
    throw new SignInError('insecure', 'This page cannot sign you in securely: it is not served over HTTPS.', 'Open Convene at its https:// address and sign in again.');
  }
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
