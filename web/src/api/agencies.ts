import type {
  CommandInput, DashAnswers, DiaryEntryCommand, DisclosureDecisionCommand, DisclosureRequestView, EngagementCommand, FlagConcernCommand,
  HistoryRequestCommand, HistoryRequestCreated, HouseholdCommand, IncidentCommand, PersonInput, PersonView, RecordedView, ReferralCommand, RiskAssessmentCommand,
  ResearchSummaryCommand, RiskAssessmentRecorded, SafeContactCommand, SdashAnswers, SpoApplicationCommand, SubjectRef, VictimViewCommand,
} from '@convene/shared/contracts';
import { agencyUrl } from './config';
import { getJson, postJson } from './http';
import type { PartnerAgency } from './types';

// The agencies' APIs: request bodies are what a client sends to the schemas each service validates with, and
// responses are the schemas each answers through; both in the contracts, from which docs/api is generated too.

export type { PersonInput, SubjectRef };
export type HistoryRequest = CommandInput<typeof HistoryRequestCommand>;
export type Referral = CommandInput<typeof ReferralCommand>;

export type DashQuestion = keyof DashAnswers;
export type DashAnswer = DashAnswers[DashQuestion];
export type SdashQuestion = keyof SdashAnswers;

/** What the agencies answer with: the schemas they document and answer through (contracts). */
export type Recorded = RecordedView;
export type { DisclosureRequestView };

const post = async <T>(agency: PartnerAgency, path: string, body: unknown) => postJson<T>(await agencyUrl(agency, path), body);
const get = async <T>(agency: PartnerAgency, path: string) => getJson<T>(await agencyUrl(agency, path));

/** Each agency's own API, called directly from the browser with the same bearer token. */
export const agencies = {
  recordPerson: (agency: PartnerAgency, person: CommandInput<typeof PersonInput>) => post<PersonView>(agency, '/people', person),
  refer: (agency: Exclude<PartnerAgency, 'cps'>, body: Referral) => post<Recorded>(agency, '/referrals', body),
  summariseResearch: (agency: PartnerAgency, body: CommandInput<typeof ResearchSummaryCommand>) => post<Recorded>(agency, '/research-summaries', body),

  police: {
    incident: (body: CommandInput<typeof IncidentCommand>) => post<Recorded>('police', '/incidents', body),
    riskAssessment: (body: CommandInput<typeof RiskAssessmentCommand>) => post<RiskAssessmentRecorded>('police', '/risk-assessments', body),
    spoApplication: (body: CommandInput<typeof SpoApplicationCommand>) => post<Recorded>('police', '/spos', body),
  },

  cps: {
    historyRequest: (body: HistoryRequest) =>
      post<HistoryRequestCreated>('cps', '/history-requests', body),
  },

  health: {
    concern: (body: CommandInput<typeof FlagConcernCommand>) => post<Recorded>('health', '/concerns', body),
    disclosureQueue: () => get<DisclosureRequestView[]>('health', '/disclosure-requests'),
    decide: (requestRef: string, body: CommandInput<typeof DisclosureDecisionCommand>) =>
      post<Recorded>('health', `/disclosure-requests/${encodeURIComponent(requestRef)}/decide`, body),
  },

  advocacy: {
    engage: (body: CommandInput<typeof EngagementCommand>) => post<Recorded>('advocacy', '/engagements', body),
    victimView: (body: CommandInput<typeof VictimViewCommand>) => post<Recorded>('advocacy', '/victim-views', body),
    diary: (body: CommandInput<typeof DiaryEntryCommand>) => post<Recorded>('advocacy', '/diary-entries', body),
    household: (body: CommandInput<typeof HouseholdCommand>) => post<Recorded>('advocacy', '/households', body),
    safeContact: (body: CommandInput<typeof SafeContactCommand>) => post<Recorded>('advocacy', '/safe-contacts', body),
  },
};
