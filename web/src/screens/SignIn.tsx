import { conference } from '../api/conference';
import { webConfig } from '../api/config';
import { navigate } from '../router';
import { session } from '../session';
import { homeFor } from '../nav';
import { safeNext } from '../auth/pending';
import { agencyLabel, roleLabel } from '../ui/labels';
import { useSubmit } from '../ui/form';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { OrganisationSignIn } from './signIn/OrganisationSignIn';

async function loadPeople() {
  const config = await webConfig();
  return { config, people: config.signIn.dev ? await conference.devPeople() : [] };
}

/**
 * Sign in through the partnership's identity provider (OIDC) when one is configured, or as one of the demo
 * partnership's people (development only).
 */
export function SignIn() {
  const loaded = useAsync(loadPeople, []);
  const signing = useSubmit<void>();
  const expired = session.expiredPrincipal();
  const next = new URLSearchParams(location.search).get('next');

  const signInAs = (personId: string) => signing.submit(async () => {
    const { token, principal } = await conference.devToken(personId);
    session.signIn(token, principal);
    navigate(safeNext(next) ?? homeFor(principal.role), { replace: true });
  });

  return (
    <section class="sign-in narrow">
      <h1>Sign in to Convene</h1>
      {expired && <p class="state warning" role="alert">Your sign-in as {expired.name ?? expired.sub} has expired. Sign in again to carry on.</p>}
      {loaded.state === 'loading' && <Loading what="sign-in options" />}
      {loaded.state === 'error' && <ErrorBox error={loaded.error} retry={loaded.reload} title="Sign-in is not available" />}
      {loaded.state === 'ready' && loaded.data.config.signIn.oidc && <OrganisationSignIn oidc={loaded.data.config.signIn.oidc} next={next} />}
      {loaded.state === 'ready' && !loaded.data.config.signIn.dev && !loaded.data.config.signIn.oidc && (
        <Empty>
          <p>No way of signing in is set up for this partnership yet.</p>
          <p>Ask your administrator to configure the partnership's identity provider.</p>
        </Empty>
      )}
      {loaded.state === 'ready' && loaded.data.config.signIn.dev && (
        <>
          <p class="lede">Demonstration partnership: choose who you are. Each person sees only what their role and meeting invitations allow.</p>
          <ul class="people-list">
            {loaded.data.people.map((p) => (
              <li key={p.id}>
                <button type="button" class="person" disabled={signing.busy} onClick={() => void signInAs(p.id)}>
                  <span class="person-name">{p.displayName}</span>
                  <span class="person-title">{p.title}</span>
                  <span class={`badge agency-${p.agency}`}>{agencyLabel[p.agency]} · {roleLabel[p.role]}</span>
                </button>
              </li>
            ))}
          </ul>
          {signing.error ? <ErrorBox error={signing.error} title="Could not sign in" /> : null}
        </>
      )}
    </section>
  );
}
