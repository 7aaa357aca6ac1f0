import type { Signal } from '../../api/types';

const severityLabel = { critical: 'Critical', warning: 'Warning', info: 'Information' } as const;
const ORDER = { critical: 0, warning: 1, info: 2 } as const;

function Detail({ signal }: { signal: Signal }) {
  if (signal.kind === 'four') {
    const met = Object.entries(signal.indicators).filter(([, i]) => i.met).map(([name]) => name);
    return <p class="muted">Indicators met: {met.length ? met.join(', ') : 'none'}</p>;
  }
  if (signal.kind === 'escalation') {
    const { frequency: f, stepUp: s } = signal;
    return (
      <p class="muted">
        Frequency: {f.last30Days} in the last 30 days, {f.previous30Days} in the 30 before{f.rising ? ' (rising)' : ''}.
        {' '}Severity: {s.steppedUp ? `${s.from} → ${s.to}` : `worst recent ${s.to ?? 'none'}, no step up`}.
      </p>
    );
  }
  if (signal.kind === 'same_suspect_other_cases') return <p class="muted">Other cases: {signal.otherCases.map((c) => c.caseRef).join(', ')}</p>;
  return null;
}

/** Course-of-conduct signals, each able to show the timeline entries it rests on. */
export function Signals({ signals, shown, onShow }: { signals: Signal[]; shown: string | null; onShow: (signal: Signal | null) => void }) {
  const list = signals.filter((s) => s.kind !== 'behaviour_counts').sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <section class="panel signals" aria-labelledby="signals-heading">
      <h2 id="signals-heading">Signals</h2>
      {list.length === 0 ? <p class="state empty">No course-of-conduct signal on what you can see.</p> : (
        <ul>
          {list.map((s) => (
            <li key={s.id} class={`signal severity-${s.severity}${shown === s.id ? ' showing' : ''}`}>
              <p><span class={`badge severity-${s.severity}`}>{severityLabel[s.severity]}</span> <strong>{s.title}</strong></p>
              <p>{s.explanation}</p>
              <Detail signal={s} />
              {s.eventIds.length > 0 && (
                <button type="button" class="secondary small" aria-pressed={shown === s.id} onClick={() => onShow(shown === s.id ? null : s)}>
                  {shown === s.id ? 'Hide evidence' : `Show evidence (${s.eventIds.length})`}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
