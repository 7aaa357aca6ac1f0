import { beginSignIn, type OidcSettings } from '../../auth/oidc';
import { useSubmit } from '../../ui/form';
import { ErrorBox } from '../../ui/states';

/** The partnership's identity provider: one button, off to the provider and back to /auth/callback. */
export function OrganisationSignIn({ oidc, next }: { oidc: OidcSettings; next: string | null }) {
  const starting = useSubmit<void>();
  const host = new URL(oidc.issuer).host;
  return (
    <div class="organisation-sign-in">
      <p class="lede">Sign in with your organisation's account. You will be taken to your organisation's sign-in page ({host}) and brought back here.</p>
      <button type="button" disabled={starting.busy} onClick={() => void starting.submit(() => beginSignIn(oidc, next))}>
        {starting.busy ? 'Taking you to your organisation…' : 'Sign in with your organisation'}
      </button>
      {starting.error ? <ErrorBox error={starting.error} title="Could not start signing in" /> : null}
    </div>
  );
}
