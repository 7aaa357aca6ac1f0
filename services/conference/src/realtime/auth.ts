import type { ExtendedError } from 'socket.io';
import type { TokenVerifier } from '@convene/shared/auth';
import { DomainError } from '@convene/shared/errors';
import type { Logger } from '@convene/shared/log';
import type { MeetingSocket } from './types.js';

/** Refuse a handshake: the client gets `connect_error` with this message and `data.code`. */
function refusal(message: string, code: 401 | 503): ExtendedError {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * The `exp` claim of a token the verifier has accepted (it requires one), in ms. Read here rather than from
 * the verifier, whose answer is the principal alone; a claim that cannot be read ends the session at once.
 */
function expiryOf(token: string): number {
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

/**
 * Namespace middleware: `handshake.auth.token` must verify, or the connection is refused before any
 * handler runs. The principal and the token's expiry are kept on `socket.data`.
 */
export function authenticateHandshake(verifyToken: TokenVerifier, logger: Logger) {
  return async (socket: MeetingSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token.length === 0) return next(refusal('a token is required', 401));
    try {
      socket.data.principal = await verifyToken(token);
      socket.data.expiresAt = expiryOf(token);
      next();
    } catch (err) {
      if (err instanceof DomainError && err.status === 401) return next(refusal(err.message, 401));
      // The verifier itself failed (an unreachable JWKS): the token may be fine, so say "try again".
      logger.warn({ err: (err as Error).message }, 'token verification failed on a realtime handshake');
      next(refusal('token could not be verified now', 503));
    }
  };
}
