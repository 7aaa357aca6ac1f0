import { Link } from '../router';
import { CaseView } from './case/CaseView';
import { session } from '../session';

/** A case on its own (e.g. the chair preparing an agenda); in a meeting it sits on the board instead. */
export function CaseScreen({ caseRef }: { caseRef: string }) {
  return (
    <section>
      <p class="breadcrumb"><Link href="/meetings">Meetings</Link> › {caseRef}</p>
      <h1>Case {caseRef}</h1>
      <CaseView caseRef={caseRef} titled={false} canTransfer={session.current()?.principal.role === 'chair'} />
    </section>
  );
}
