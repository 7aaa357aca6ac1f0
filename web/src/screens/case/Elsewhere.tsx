import type { CaseResponse } from '../../api/types';
import { words } from '../../ui/format';
import { behaviourLabel } from '../../ui/labels';

const agencyName = { police: 'Police', cps: 'CPS', health: 'Health', advocacy: 'Advocacy' } as const;

/**
 * The suspect's records that name another victim, in outline only (the chair's alone): what kind, when, and the
 * other case to ask, never whose or what they say. Empty for everyone else, so nothing is shown to them.
 */
export function Elsewhere({ response }: { response: CaseResponse }) {
  const outlines = response.view.elsewhere ?? [];
  if (outlines.length === 0) return null;
  return (
    <section class="panel elsewhere" aria-labelledby="elsewhere-heading">
      <h2 id="elsewhere-heading">Suspect's history elsewhere</h2>
      <p class="muted">Records about this suspect that concern another victim. Shown in outline only; ask the other case's meeting for more.</p>
      <ul class="plain">
        {outlines.map((o) => (
          <li key={o.id}>
            <strong>{o.month}</strong> · {agencyName[o.agency]} {words(o.recordKind.replace('.', '_'))}
            {o.offenceClass && <> · {words(o.offenceClass)}</>}
            {o.orderType && <> · {words(o.orderType)}</>}
            {o.behaviours && o.behaviours.length > 0 && <> · {o.behaviours.map((b) => behaviourLabel[b]).join(', ')}</>}
            {o.otherCaseRef && <> · case {o.otherCaseRef}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What this viewer is not shown, by kind and holder: so an absence on screen is never read as "none". */
export function Withheld({ response }: { response: CaseResponse }) {
  const held = response.withheld ?? [];
  if (held.length === 0) return null;
  return (
    <section class="panel withheld" aria-labelledby="withheld-heading">
      <h2 id="withheld-heading">Not shared with you</h2>
      <ul class="plain">
        {held.map((w) => <li key={`${w.kind}-${w.agency}`}>{w.count} {words(w.kind)} record{w.count === 1 ? '' : 's'} held by {w.agency}: ask them.</li>)}
      </ul>
    </section>
  );
}
