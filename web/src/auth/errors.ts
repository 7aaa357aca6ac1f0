/** Why signing in through the organisation's identity provider failed. */
export type SignInFailure =
  | 'unreachable' // the provider could not be reached (down, offline, or its CORS does not allow this page)
  | 'misconfigured' // its discovery document does not fit what Convene was told
  | 'insecure' // the page cannot do PKCE (no Web Crypto outside a secure context)
  | 'denied' // the person (or the provider) declined: error=access_denied
  | 'provider' // any other error the provider sent back
  | 'state' // the answer is not for the sign-in this tab started
  | 'none' // no sign-in was started in this tab
  | 'refused' // the token endpoint refused the code (wrong PKCE verifier, code used twice or expired)
  | 'token' // the token is not one Convene can use (not a JWT, other issuer or audience, expired)
  | 'claims'; // the person has no Convene agency and role at the provider

/** A sign-in failure in words a person can act on: what happened (`message`) and what to do (`hint`). */
export class SignInError extends Error {
  constructor(readonly failure: SignInFailure, message: string, readonly hint: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export const TELL_ADMIN = 'If it happens again, tell your administrator what this page says.';
export const ASK_ADMIN = 'Tell your administrator what this page says.';
