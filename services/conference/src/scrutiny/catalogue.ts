import type { Agency, MeasureInfo } from '@convene/shared/contracts';

/** What each published measure means, in words for the scrutiny page and its exports. */
export type { MeasureInfo };

const OFFENCES = ['pha_s2', 'pha_s2a', 'pha_s4', 'pha_s4a', 'malicious_communications', 'other'] as const;
const GRADES = ['standard', 'medium', 'high'] as const;
const PARTNERS = ['police', 'cps', 'health', 'advocacy'] as const;

export const MEASURES: readonly MeasureInfo[] = [
  { agency: 'police', measure: 'offences.recorded', label: 'Offences recorded, by offence class', kind: 'count', breakdowns: OFFENCES },
  { agency: 'police', measure: 'offences.current_class', label: 'Offences recorded, by their class now (after any reclassification)', kind: 'count', breakdowns: OFFENCES },
  { agency: 'police', measure: 'reclassifications', label: 'Offences reclassified', kind: 'count', breakdowns: ['harassment_to_stalking', 'stalking_to_harassment', 'other'] },
  { agency: 'police', measure: 'dash', label: 'DASH risk assessments', kind: 'count', breakdowns: ['completed', 'declined', 'not_done'] },
  { agency: 'police', measure: 'risk.grade', label: 'Completed DASH by grade', kind: 'count', breakdowns: GRADES },
  { agency: 'police', measure: 'risk.victim_view_higher', label: "DASH where the victim's own view was higher than the grade", kind: 'count' },
  { agency: 'police', measure: 'spo.applications', label: 'Stalking Protection Order applications', kind: 'count' },
  { agency: 'police', measure: 'spo.grants', label: 'Stalking Protection Orders granted', kind: 'count', breakdowns: ['interim', 'full'] },
  { agency: 'police', measure: 'spo.breaches', label: 'Stalking Protection Order breaches', kind: 'count' },
  { agency: 'police', measure: 'arrests', label: 'Arrests', kind: 'count' },
  { agency: 'cps', measure: 'history_checks.requested', label: 'History checks requested', kind: 'count' },
  { agency: 'cps', measure: 'charging.decisions', label: 'Charging decisions, by outcome', kind: 'count', breakdowns: ['charge', 'no_further_action', 'caution', 'more_evidence_needed'] },
  { agency: 'cps', measure: 'restraining_orders', label: 'Restraining orders made', kind: 'count', breakdowns: ['on_conviction', 'on_acquittal'] },
  {
    agency: 'health', measure: 'concerns.flagged', label: 'Health concerns flagged, by category', kind: 'count',
    breakdowns: ['injury', 'psychological_distress', 'self_harm_risk', 'perpetrator_fixation', 'threats_disclosed', 'child_safeguarding', 'substance_misuse', 'other'],
  },
  { agency: 'health', measure: 'disclosures.decided', label: 'Disclosure requests decided', kind: 'count', breakdowns: ['disclosed', 'refused'] },
  { agency: 'health', measure: 'disclosures.median_days_to_decide', label: 'Median days to decide a disclosure request', kind: 'median_days' },
  { agency: 'advocacy', measure: 'victims.engaged', label: 'Victims engaged', kind: 'count' },
  { agency: 'advocacy', measure: 'consent', label: 'Consent to share given on engagement', kind: 'count', breakdowns: ['full', 'limited', 'none'] },
  { agency: 'advocacy', measure: 'consent.revoked', label: 'Consents revoked', kind: 'count' },
  { agency: 'advocacy', measure: 'victim_view', label: "Victims' own view of their risk", kind: 'count', breakdowns: GRADES },
  { agency: 'conference', measure: 'referrals', label: 'Referrals, by referring agency', kind: 'count', breakdowns: ['police', 'health', 'advocacy'] },
  { agency: 'conference', measure: 'referrals.repeat', label: 'Repeat referrals (a case closed in the last 12 months)', kind: 'count' },
  { agency: 'conference', measure: 'referral_to_meeting.median_days', label: 'Median days from referral to first meeting', kind: 'median_days' },
  { agency: 'conference', measure: 'actions.assigned', label: 'Actions assigned, by agency', kind: 'count', breakdowns: PARTNERS },
  { agency: 'conference', measure: 'actions.completed', label: 'Actions completed, by agency', kind: 'count', breakdowns: PARTNERS },
  { agency: 'conference', measure: 'actions.overdue', label: 'Actions overdue at month end, by agency', kind: 'count', breakdowns: PARTNERS },
  { agency: 'conference', measure: 'cases.closed', label: 'Cases closed', kind: 'count' },
  { agency: 'conference', measure: 'cases.victim_view_higher', label: "Open cases where the victim's view of risk is higher than the assessed grade", kind: 'count' },
];

export function labelOf(agency: Agency, measure: string, breakdown?: string): string {
  const info = MEASURES.find((m) => m.agency === agency && m.measure === measure);
  const base = info?.label ?? measure;
  return breakdown ? `${base}: ${breakdown.replaceAll('_', ' ')}` : base;
}
