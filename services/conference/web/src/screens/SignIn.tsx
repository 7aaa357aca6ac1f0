import { conference } from '../api/conference';
import { webConfig } from '../api/config';
import { navigate } from '../router';
import { session } from '../session';
import { homeFor } from '../nav';
import { agencyLabel, roleLabel } from '../ui/labels';
import { useSubmit } from '../ui/form';
import { Empty, ErrorBox, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';

async function loadPeople() {
  const config = await webConfig();
  return { config, people: config.signIn.dev ? await conference.devPeople() : [] };
}

/** Sign in as one of the demo partnership's people (development only); a real partnership uses OIDC. */
export function SignIn() {
  const loaded = useAsync(loadPeople, []);
  const signing = useSubmit<void>();
  const expired = session.expiredPrincipal();

  const signInAs = (personId: string) => signing.submit(async () => {
    const { token, principal } = await conference.devToken(personId);
    session.signIn(token, principal);
    const next = new URLSearchParams(location.search).get('next');
    navigate(next && next.startsWith('/') && next !== '/sign-in' ? next : homeFor(principal.role), { replace: true });
  });

  return (
    <section class="sign-in narrow">
      <h1>Sign in to Convene</h1>
      {expired && <p class="state warning" role="alert">Your sign-in as {expired.name ?? expired.sub} has expired. Sign in again to carry on.</p>}
      {loaded.state === 'loading' && <Loading what="sign-in options" />}
      {loaded.state === 'error' && <ErrorBox error={loaded.error} retry={loaded.reload} title="Sign-in is not available" />}
      {loaded.state === 'ready' && !loaded.data.config.signIn.dev && (
        <Empty>
          <p>This partnership signs in through its identity provider{loaded.data.config.signIn.oidcIssuer ? ` (${loaded.data.config.signIn.oidcIssuer})` : ''}.</p>
          <p>Ask your administrator for access.</p>
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
