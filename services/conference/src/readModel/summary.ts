import type { CaseEvent } from '@convene/shared/contracts';
import {
  agencyLabel, behaviourList, concernCategoryLabel, criterionLabel, offenceLabel, plural, words,
} from '@convene/shared/contracts';

/**
 * One short line per event for the merged timeline. Built only from controlled values, counts, dates and
 * references: never names, dates of birth or free text (the incident's shared summary is kept elsewhere).
 */
export function summarise(event: CaseEvent): string {
  const agency = agencyLabel[event.agency];
  switch (event.type) {
    case 'police.incident.recorded.v1':
      return `Incident: ${behaviourList(event.data.behaviours)} (${offenceLabel[event.data.offenceClass]})`;
    case 'police.risk.assessed.v1': {
      const d = event.data;
      if (d.outcome === 'declined') return `${d.tool} declined by victim`;
      const ticks = d.tool === 'S-DASH' ? (d.sdashYesCount ?? d.yesCount) : d.yesCount;
      const grade = d.grade === null ? '' : `: ${d.grade}${ticks === null ? '' : ` (${plural(ticks, 'tick')})`}`;
      return `${d.tool} completed${grade}${d.raisedByProfessionalJudgement ? ', raised by professional judgement' : ''}`;
    }
    case 'police.classification.changed.v1':
      return `Reclassified: ${offenceLabel[event.data.from]} → ${offenceLabel[event.data.to]}`;
    case 'police.arrest.made.v1':
      return `Arrest (${offenceLabel[event.data.offenceClass]})`;
    case 'police.bail.set.v1':
      return `Police bail set: ${plural(event.data.conditions.length, 'condition')}${until(event.data.until)}`;
    case 'police.spo.applied.v1':
      return `${capital(event.data.kind)} SPO applied (${event.data.orderRef})`;
    case 'police.spo.granted.v1':
      return `${capital(event.data.kind)} SPO granted (${event.data.orderRef}): ` +
        `${plural(event.data.conditions.length, 'condition')}, expires ${event.data.expiresOn}`;
    case 'police.spo.breached.v1':
      return `Order breached (${event.data.orderRef}): ${behaviourList(event.data.behaviours)}`;
    case 'police.bail.breached.v1':
      return `Police bail breached (${event.data.bailRef}): ${behaviourList(event.data.behaviours)}`;
    case 'police.spo.considered.v1':
      return event.data.decision === 'applied'
        ? `SPO considered: applied${event.data.orderRef ? ` (${event.data.orderRef})` : ''}`
        : 'SPO considered: not applied, reason recorded';
    case 'police.referral.made.v1':
    case 'health.referral.made.v1':
    case 'advocacy.referral.made.v1':
      return `Referral by ${agency}: ${criterionLabel[event.data.criterion]}`;
    case 'police.research.returned.v1':
    case 'cps.research.returned.v1':
    case 'health.research.returned.v1':
    case 'advocacy.research.returned.v1': {
      const d = event.data;
      const withheld = d.withheld.reduce((n, w) => n + w.count, 0);
      const part = d.part.total > 1 ? ` (part ${d.part.index} of ${d.part.total})` : '';
      return `${agency} research return${part}: ${plural(d.records.length, 'record')}, ${withheld} withheld`;
    }
    case 'police.action.accepted.v1':
    case 'cps.action.accepted.v1':
    case 'health.action.accepted.v1':
    case 'advocacy.action.accepted.v1':
      return `Action accepted by ${agency}`;
    case 'police.action.completed.v1':
    case 'cps.action.completed.v1':
    case 'health.action.completed.v1':
    case 'advocacy.action.completed.v1':
      return `Action completed by ${agency}`;
    case 'police.research.summarised.v1':
    case 'cps.research.summarised.v1':
    case 'health.research.summarised.v1':
    case 'advocacy.research.summarised.v1':
      return `Research summary from ${agency}`;
    case 'police.action.declined.v1':
    case 'cps.action.declined.v1':
    case 'health.action.declined.v1':
    case 'advocacy.action.declined.v1':
      return `Action declined by ${agency}: ${event.data.reason}`;
    case 'police.statistics.published.v1':
    case 'cps.statistics.published.v1':
    case 'health.statistics.published.v1':
    case 'advocacy.statistics.published.v1':
    case 'conference.statistics.published.v1':
      return `${agency} statistics published for ${event.data.month}`;
    case 'cps.history.requested.v1':
      return `CPS history check requested (${words(event.data.lawfulBasis)})`;
    case 'cps.charging.decided.v1':
      return `Charging decision: ${words(event.data.outcome)}${offence(event.data.offenceClass)}`;
    case 'cps.hearing.scheduled.v1':
      return `Hearing scheduled: ${words(event.data.hearingType)} on ${event.data.hearingAt.slice(0, 10)}`;
    case 'cps.case.outcome.v1':
      return `Case outcome: ${event.data.outcome}${offence(event.data.offenceClass)}`;
    case 'cps.restraining_order.made.v1':
      return `Restraining order made ${event.data.onConviction ? 'on conviction' : 'on acquittal'} ` +
        `(${event.data.orderRef}): ${plural(event.data.conditions.length, 'condition')}` +
        (event.data.expiresOn ? `, expires ${event.data.expiresOn}` : '');
    case 'cps.bail.conditions.set.v1':
      return `Court bail conditions set: ${plural(event.data.conditions.length, 'condition')}${until(event.data.until)}`;
    case 'cps.restraining_order.breached.v1':
      return `Restraining order breached (${event.data.orderRef}): ${behaviourList(event.data.behaviours)}`;
    case 'cps.bail.breached.v1':
      return `Court bail conditions breached (${event.data.bailRef}): ${behaviourList(event.data.behaviours)}`;
    case 'health.concern.flagged.v1':
      return `Health concern flagged: ${concernCategoryLabel[event.data.category]} (${event.data.severity})`;
    case 'health.concern.updated.v1': {
      const changes = [
        event.data.category ? concernCategoryLabel[event.data.category] : null,
        event.data.severity ? `severity ${event.data.severity}` : null,
      ].filter((c) => c !== null);
      return changes.length ? `Health concern updated: ${changes.join(', ')}` : 'Health concern updated';
    }
    case 'health.concern.resolved.v1':
      return `Health concern resolved: ${words(event.data.resolution)}`;
    case 'health.disclosure.requested.v1':
    case 'conference.disclosure.requested.v1':
      return `Disclosure requested for health concern ${event.data.concernRef}`;
    case 'health.disclosure.decided.v1':
      return `Health disclosure decision: ${event.data.decision}${event.data.legalGateway ? ` (gateway: ${words(event.data.legalGateway)})` : ''}`;
    case 'advocacy.victim.engaged.v1': {
      const limited = event.data.consent === 'limited' && event.data.limitedTo?.length
        ? ` (${event.data.limitedTo.map((a) => agencyLabel[a]).join(', ')})` : '';
      return `Victim engaged with advocacy: consent ${event.data.consent}${limited}`;
    }
    case 'advocacy.consent.revoked.v1':
      return 'Victim revoked consent to share';
    case 'advocacy.victim.view.recorded.v1':
      return `Victim's own view of risk: ${event.data.ownViewOfRisk}`;
    case 'advocacy.safety_plan.updated.v1':
      return `Safety plan updated: ${plural(event.data.measures.length, 'measure')}`;
    case 'advocacy.household.recorded.v1': {
      const d = event.data;
      const children = d.childrenAges.length ? `${plural(d.childrenAges.length, 'child', 'children')} (aged ${d.childrenAges.join(', ')})` : 'no children';
      const referral = d.safeguardingReferralMade ? `safeguarding referral made${d.safeguardingReferralOn ? ` on ${d.safeguardingReferralOn}` : ''}` : 'no safeguarding referral';
      return `Household: ${children}, ${plural(d.otherAdults, 'other adult')}; ${referral}`;
    }
    case 'advocacy.safe_contact.recorded.v1':
      return 'Safe contact details recorded, for the agencies that need to contact her';
    case 'advocacy.diary.entry.v1':
      return `Diary entry: ${behaviourList(event.data.behaviours)}`;
    case 'conference.case.listed.v1': {
      const r = event.data.referral;
      const repeat = event.data.repeatOf ? `, repeat of ${event.data.repeatOf}` : '';
      return `Case listed: referred by ${agencyLabel[r.agency]} (${criterionLabel[r.criterion]})${repeat}`;
    }
    case 'conference.meeting.scheduled.v1':
      return `Meeting scheduled for ${event.data.scheduledFor.slice(0, 10)}`;
    case 'conference.members.set.v1':
      return `Meeting invitations set: ${plural(event.data.members.length, 'member')}`;
    case 'conference.agenda.set.v1':
      return `Meeting agenda set: ${plural(event.data.agenda.length, 'case')}`;
    case 'conference.meeting.started.v1':
      return 'Meeting started';
    case 'conference.meeting.ended.v1':
      return 'Meeting ended';
    case 'conference.agenda.moved.v1':
      return `Case moved to agenda position ${event.data.position + 1}`;
    case 'conference.research.reminded.v1':
      return `Research reminder sent to ${event.data.agencies.map((a) => agencyLabel[a]).join(', ')}`;
    case 'conference.attendance.recorded.v1':
      return `Attendance recorded: ${plural(event.data.present.length, 'present', 'present')}, ${plural(event.data.apologies.length, 'apology', 'apologies')}`;
    case 'conference.case.reviewed.v1':
      return `Case reviewed: risk ${event.data.riskDecision}, next review ${event.data.nextReviewOn}`;
    case 'conference.action.assigned.v1':
      return `Action assigned to ${agencyLabel[event.data.agency]}, due ${event.data.dueOn}`;
    case 'conference.action.updated.v1':
      return `Action ${event.data.status === 'open' ? 'reopened' : event.data.status}${event.data.note ? `: ${event.data.note}` : ''}`;
    case 'conference.case.closed.v1':
      return `Case closed: ${words(event.data.reason)}`;
    case 'conference.area.requested.v1':
      return `Asked area ${event.data.toArea} ${event.data.kind === 'joint_discussion' ? 'for a joint discussion' : 'to transfer its case with the same suspect here'}`;
    case 'conference.case.transferred.v1':
      return `Case transferred from area ${event.data.fromArea} to area ${event.data.toArea}: ${event.data.reason}`;
    case 'conference.history_check.opened.v1':
      return `History check opened (${words(event.data.lawfulBasis)})`;
    default:
      return unreachable(event);
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function until(date: string | undefined): string {
  return date ? ` until ${date}` : '';
}

function offence(offenceClass: keyof typeof offenceLabel | undefined): string {
  return offenceClass ? ` (${offenceLabel[offenceClass]})` : '';
}

/** A new event type fails to compile here until it has a summary. */
function unreachable(event: never): string {
  return `Event ${(event as { type: string }).type}`;
}
