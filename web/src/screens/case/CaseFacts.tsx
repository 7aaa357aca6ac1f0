import type { CaseView } from '../../api/types';
import { day, words } from '../../ui/format';
import { agencyLabel, concernCategoryLabel } from '../../ui/labels';

/** Who the case is about (as the listing carried them), consent to share, and health flags. */
export function CaseFacts({ view }: { view: CaseView }) {
  return (
    <section class="panel facts" aria-labelledby="facts-heading">
      <h2 id="facts-heading">People, consent and health flags</h2>
      <ul class="plain">
        {view.people.map((p, i) => (
          <li key={i}><span class="badge role">{words(p.role)}</span> {[p.given, p.family].filter(Boolean).join(' ') || 'name not shared'}{p.dateOfBirth ? `, born ${day(p.dateOfBirth)}` : ''}</li>
        ))}
      </ul>
      <p>
        <strong>Consent to share (advocacy):</strong>{' '}
        {!view.consent ? 'not recorded' : view.consent.revoked ? `revoked on ${day(view.consent.revokedOn)}` : `${words(view.consent.level)}${view.consent.limitedTo.length ? ` — ${view.consent.limitedTo.map((a) => agencyLabel[a]).join(', ')}` : ''}, given ${day(view.consent.givenOn)}`}
      </p>
      {view.healthConcerns.length > 0 && (
        <ul class="plain">
          {view.healthConcerns.map((c) => (
            <li key={c.concernRef}><span class={`badge severity-${c.severity === 'high' ? 'critical' : 'warning'}`}>Health</span> {c.category ? concernCategoryLabel[c.category] : 'concern'} about the {c.subjectRole ?? 'subject'}, {c.severity ?? '—'} severity, {c.status}{c.contact ? ` — contact ${c.contact.service}` : ''}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
