import { SignInError, TELL_ADMIN } from './errors';

/** The parts of the provider's OpenID Connect discovery document the sign-in uses. */
export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
const hostOf = (url: string) => new URL(url).host;

function misconfigured(detail: string): SignInError {
  return new SignInError('misconfigured', `Your organisation's sign-in service is not set up the way Convene expects: ${detail}.`, `Tell your administrator what this page says; nobody can sign in until it is fixed.`);
}

function endpoint(doc: Record<string, unknown>, name: string): URL {
  const value = doc[name];
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw misconfigured(`its discovery document has no valid ${name}`);
  }
  // Only web addresses: the page navigates to one and posts to the other.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw misconfigured(`its ${name} is not a web address`);
  return url;
}

/** `<issuer>/.well-known/openid-configuration`, checked: same issuer, PKCE S256, token endpoint the page may call. */
export async function discover(issuer: string): Promise<ProviderMetadata> {
  const where = `${trimSlash(issuer)}/.well-known/openid-configuration`;
  let res: Response;
  try {
    res = await fetch(where, { headers: { accept: 'application/json' } });
  } catch {
    throw new SignInError('unreachable', `Could not reach your organisation's sign-in service at ${hostOf(issuer)}.`,
      `Check your network connection and try again. ${TELL_ADMIN} (The provider may be down, or may not let this site read its discovery document: CORS.)`);
  }
  if (!res.ok) {
    throw new SignInError('unreachable', `Your organisation's sign-in service at ${hostOf(issuer)} answered ${[res.status, res.statusText].filter(Boolean).join(' ')}.`,
      `Try again in a few minutes. ${TELL_ADMIN}`);
  }
  let doc: Record<string, unknown>;
  try {
    doc = (await res.json()) as Record<string, unknown>;
  } catch {
    throw misconfigured('its discovery document is not JSON');
  }
  if (typeof doc.issuer !== 'string' || trimSlash(doc.issuer) !== trimSlash(issuer)) throw misconfigured(`it calls itself ${String(doc.issuer)}, not ${issuer}`);
  const authorization = endpoint(doc, 'authorization_endpoint');
  const token = endpoint(doc, 'token_endpoint');
  // The page's Content-Security-Policy lets it call the issuer's origin only.
  if (token.origin !== new URL(issuer).origin) throw misconfigured(`its token endpoint (${token.origin}) is not on the issuer's origin`);
  const methods = doc.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) throw misconfigured('it does not support PKCE with S256');
  return { issuer: doc.issuer, authorizationEndpoint: authorization.href, tokenEndpoint: token.href };
}
