import { useEffect, useState } from 'preact/hooks';
import { Link, match, navigate, usePath } from './router';
import { session, type Session } from './session';
import { homeFor, navFor, notAllowed } from './nav';
import { roleLabel } from './ui/labels';
import { SignIn } from './screens/SignIn';
import { AuthCallback } from './screens/AuthCallback';
import { Meetings } from './screens/Meetings';
import { Board } from './screens/Board';
import { CaseScreen } from './screens/CaseScreen';
import { HistoryChecks } from './screens/HistoryChecks';
import { HealthConcerns } from './screens/HealthConcerns';
import { PoliceRecords } from './screens/PoliceRecords';
import { AdvocacyRecords } from './screens/AdvocacyRecords';
import { Scrutiny } from './screens/Scrutiny';
import { Empty } from './ui/states';

/** Where the identity provider sends people back (the redirect URI registered there is `<origin>` + this). */
const CALLBACK_PATH = '/auth/callback';

function useSession(): Session | null {
  const [current, setCurrent] = useState(session.current());
  useEffect(() => session.subscribe(() => setCurrent(session.current())), []);
  return current;
}

function Screen({ path, who }: { path: string; who: Session }) {
  const refused = notAllowed(who.principal.role, path);
  if (refused) return <Empty><h1>Not available to you</h1><p>{refused} <Link href={homeFor(who.principal.role)}>Go to your start page</Link>.</p></Empty>;
  let p: Record<string, string> | null;
  if ((p = match('/meetings/:meetingId', path))) return <Board meetingId={p.meetingId!} />;
  if ((p = match('/cases/:caseRef', path))) return <CaseScreen caseRef={p.caseRef!} />;
  if ((p = match('/history-checks/:requestRef', path))) return <HistoryChecks requestRef={p.requestRef!} />;
  switch (path) {
    case '/meetings': return <Meetings />;
    case '/history-checks': return <HistoryChecks />;
    case '/health-concerns': return <HealthConcerns />;
    case '/police': return <PoliceRecords />;
    case '/advocacy': return <AdvocacyRecords />;
    case '/scrutiny': return <Scrutiny />;
    default:
      return <Empty><h1>Page not found</h1><p>There is no screen at {path}. <Link href={homeFor(who.principal.role)}>Go to your start page</Link>.</p></Empty>;
  }
}

export function App() {
  const path = usePath();
  const who = useSession();

  useEffect(() => {
    // Back from the identity provider: the callback screen finishes the sign-in and moves on by itself.
    if (path === CALLBACK_PATH) return;
    if (!who && path !== '/sign-in') navigate(`/sign-in?next=${encodeURIComponent(path)}`, { replace: true });
    if (who && (path === '/' || path === '/sign-in')) navigate(homeFor(who.principal.role), { replace: true });
  }, [who, path]);

  // Screen changes are announced by moving focus to the new page's heading.
  useEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);

  return (
    <>
      <a class="skip-link" href="#main">Skip to main content</a>
      <header class="app-header">
        <div class="brand"><span aria-hidden="true" class="logo">◆</span> Convene</div>
        {who && (
          <>
            <nav aria-label="Main">
              <ul>
                {navFor(who.principal.role).map((item) => (
                  <li key={item.href}><Link href={item.href} aria-current={path.startsWith(item.href) ? 'page' : undefined}>{item.label}</Link></li>
                ))}
              </ul>
            </nav>
            <div class="who">
              <span>{who.principal.name ?? who.principal.sub} · {roleLabel[who.principal.role]}</span>
              <button type="button" class="link-button" onClick={() => { session.signOut(); navigate('/sign-in'); }}>Sign out</button>
            </div>
          </>
        )}
      </header>
      <main id="main">
        {path === CALLBACK_PATH ? <AuthCallback /> : who ? <Screen path={path} who={who} /> : <SignIn />}
      </main>
      <footer class="app-footer">OFFICIAL-SENSITIVE · Shared for a live multi-agency purpose only. Every view is audited.</footer>
    </>
  );
}
