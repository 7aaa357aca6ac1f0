import type { CaseView, RiskGrade } from '../../api/types';
import { day, when } from '../../ui/format';
import { gradeLabel } from '../../ui/labels';

const ORDER: Record<RiskGrade, number> = { standard: 0, medium: 1, high: 2 };

function Grade({ grade }: { grade: RiskGrade | null | undefined }) {
  return grade ? <span class={`grade grade-${grade}`}>{gradeLabel[grade]}</span> : <span class="grade grade-none">Not recorded</span>;
}

/**
 * The assessed grade beside the victim's own view, and her voice as her advocate recorded it (wishes, fears, the
 * safety plan): the design asks that they are always seen together. What her consent does not let this viewer see
 * is not in the view at all.
 */
export function RiskPanel({ risk, voice }: { risk: CaseView['risk']; voice: CaseView['victimVoice'] | undefined }) {
  const police = risk.police;
  const assessed = risk.conference?.grade ?? police?.grade ?? null;
  const views = [risk.victimView.advocacy, risk.victimView.police].filter((v): v is NonNullable<typeof v> => v !== null);
  const own = views.sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]?.grade ?? null;
  const higher = own && assessed && ORDER[own] > ORDER[assessed];

  return (
    <section class="panel risk" aria-labelledby="risk-heading">
      <h2 id="risk-heading">Risk</h2>
      <div class="risk-columns">
        <div>
          <h3>Assessed</h3>
          <dl>
            <dt>Police {police?.tool ?? 'DASH'}</dt>
            <dd>
              {police?.declined ? <span class="grade grade-declined">Declined by the victim</span> : <Grade grade={police?.grade} />}
              {police && !police.declined && police.yesCount !== null && <span class="muted"> · {police.yesCount} ticks</span>}
              {police?.raisedByProfessionalJudgement && <span class="muted"> · raised by professional judgement</span>}
              {police && <span class="muted"> · {when(police.at)}</span>}
            </dd>
            <dt>Meeting decision</dt>
            <dd>
              <Grade grade={risk.conference?.grade} />
              {risk.conference && <span class="muted"> · next review {day(risk.conference.nextReviewOn)}</span>}
            </dd>
          </dl>
        </div>
        <div>
          <h3>Victim's own view</h3>
          <dl>
            <dt>Told to their advocate</dt>
            <dd><Grade grade={risk.victimView.advocacy?.grade} />{risk.victimView.advocacy && <span class="muted"> · {when(risk.victimView.advocacy.at)}</span>}</dd>
            <dt>Told to police (DASH)</dt>
            <dd><Grade grade={risk.victimView.police?.grade} />{risk.victimView.police && <span class="muted"> · {when(risk.victimView.police.at)}</span>}</dd>
          </dl>
        </div>
      </div>
      {higher && <p class="state warning">The victim rates their risk higher than the assessed grade. Their view is often the more accurate one.</p>}
      <VictimVoice voice={voice} />
    </section>
  );
}

const advocateRoleLabel: Record<NonNullable<CaseView['victimVoice']['advocate']>['role'], string> = { ISAC: 'ISAC', IDVA: 'IDVA', hospital_IDVA: 'hospital IDVA' };

function VictimVoice({ voice }: { voice: CaseView['victimVoice'] | undefined }) {
  const statement = voice?.statement;
  const plan = voice?.safetyPlan;
  const household = voice?.household;
  const advocate = voice?.advocate;
  const contact = voice?.safeContact;
  return (
    <div class="victim-voice">
      <h3>In the victim's words</h3>
      {advocate && (
        <p class="allocated-advocate">
          Her advocate: <strong>{advocate.name}</strong> ({advocateRoleLabel[advocate.role]}{advocate.service ? `, ${advocate.service}` : ''}){advocate.telephone && <> · {advocate.telephone}</>}
        </p>
      )}
      {!statement && !plan && !household && !contact && !advocate && <p class="muted">Nothing from her advocate that you may see: no wishes or safety plan shared with you.</p>}
      {statement && (
        <dl>
          <dt>Wishes</dt>
          <dd>{statement.wishes} <span class="muted">· {when(statement.at)}</span></dd>
          {statement.fears && <><dt>Fears</dt><dd>{statement.fears}</dd></>}
        </dl>
      )}
      {plan && (
        <>
          <h4>Safety plan <span class="muted">· {when(plan.at)}{plan.reviewOn && <> · review {day(plan.reviewOn)}</>}</span></h4>
          <ul>{plan.measures.map((m, i) => <li key={i}>{m}</li>)}</ul>
        </>
      )}
      {household && (
        <dl class="household">
          <dt>Children at home</dt>
          <dd>{household.childrenAges.length === 0 ? 'None' : `${household.childrenAges.length} (aged ${household.childrenAges.join(', ')})`}</dd>
          <dt>Other adults</dt>
          <dd>{household.otherAdults}</dd>
          <dt>Safeguarding referral</dt>
          <dd>
            {household.safeguardingReferralMade ? `Made${household.safeguardingReferralOn ? ` on ${day(household.safeguardingReferralOn)}` : ''}` : 'Not made'}
            {!household.safeguardingReferralMade && household.childrenAges.length > 0 && <strong class="warning-text"> · children in the household and no referral</strong>}
          </dd>
        </dl>
      )}
      {contact && (
        <div class="safe-contact">
          <h4>Contacting her safely <span class="muted">· shown to your agency because it needs to contact her</span></h4>
          <dl>
            <dt>Safe times</dt><dd>{contact.safeTimes}</dd>
            {contact.safeNumber && <><dt>Safe number</dt><dd>{contact.safeNumber}</dd></>}
            <dt>Post</dt><dd>{contact.noPostHome ? 'Nothing to her home address' : 'May be sent home'}</dd>
            {contact.instructions && <><dt>Instructions</dt><dd>{contact.instructions}</dd></>}
          </dl>
        </div>
      )}
    </div>
  );
}
