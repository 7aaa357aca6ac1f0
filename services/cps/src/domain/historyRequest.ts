import { DomainError } from '@convene/shared/errors';

/** The contract carries at most this many suspect tokens; a person has up to four (nhs, pnc, nd, dp). */
export const MAX_SUSPECT_TOKENS = 16;

/** The suspects' tokens for a history request, once each, or a 400 naming the field when there are too many. */
export function suspectTokensFor(tokensPerSuspect: string[][]): string[] {
  const tokens = [...new Set(tokensPerSuspect.flat())];
  if (tokens.length > MAX_SUSPECT_TOKENS) {
    throw new DomainError('too_many_suspect_tokens', `these suspects have ${tokens.length} identifiers between them; a history request carries at most ${MAX_SUSPECT_TOKENS}: ask for fewer suspects at once`, { status: 400, field: 'body.suspects' });
  }
  return tokens;
}
