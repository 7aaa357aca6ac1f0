import { useEffect, useState } from 'preact/hooks';
import { webConfig } from '../api/config';
import { completeSignIn, type CompletedSignIn } from '../auth/oidc';
import { SignInError, type SignInFailure } from '../auth/errors';
import { homeFor } from '../nav';
import { Link, navigate } from '../router';
import { session } from '../session';
import { ErrorBox } from '../ui/states';

/** Where the identity provider sends people back (`/auth/callback?code=…&state=…`). */
async function finish(search: string): Promise<CompletedSignIn> {
  const { signIn } = await webConfig();
  if (!signIn.oidc) throw new SignInError('misconfigured', 'This partnership does not sign in through an identity provider.', 'Go back to the sign-in page.');
  return completeSignIn(signIn.oidc, search);
}

const TITLES: Partial<Record<SignInFailure, string>> = {
  denied: 'Access denied', state: 'Sign-in refused', refused: 'Sign-in refused', none: 'No sign-in in progress',
  unreachable: 'Sign-in service unreachable', claims: 'No Convene role', misconfigured: 'Sign-in is not set up correctly',
};

export function AuthCallback() {
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const search = location.search;
    // The code is single-use and worthless without this tab's verifier; still, keep it out of the history.
    history.replaceState(null, '', location.pathname);
    let live = true;
    finish(search).then(
      ({ token, principal, next }) => {
        session.signIn(token, principal);
        navigate(next ?? homeFor(principal.role), { replace: true });
      },
      (err: unknown) => {
        if (!live) return;
        // Already signed in, and this is a stale callback (a reload, the back button): carry on.
        const who = session.current();
        if (who && err instanceof SignInError && err.failure === 'none') navigate(homeFor(who.principal.role), { replace: true });
        else setFailure(err);
      },
    );
    return () => { live = false; };
  }, []);

  const title = failure instanceof SignInError ? TITLES[failure.failure] ?? 'Could not sign you in' : 'Could not sign you in';
  return (
    <section class="sign-in narrow">
      <h1>{failure ? 'Could not sign you in' : 'Signing you in'}</h1>
      {failure
        ? (
          <>
            <ErrorBox error={failure} title={title} />
            <p><Link href="/sign-in">Back to the sign-in page</Link></p>
          </>
        )
        : <p class="state loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true" />Finishing signing you in with your organisation…</p>}
    </section>
  );
}
