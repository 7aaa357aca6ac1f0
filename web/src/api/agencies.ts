import type {
  CommandInput, DashAnswers, DiaryEntryCommand, DisclosureDecisionCommand, EngagementCommand, FlagConcernCommand, HistoryRequestCommand,
  IncidentCommand, LegalGateway, PersonInput, ReferralCommand, RiskAssessmentCommand, SdashAnswers, SpoApplicationCommand, SubjectRef, VictimViewCommand,
} from '@convene/shared/contracts';
import { agencyUrl } from './config';
import { getJson, postJson } from './http';
import type { AudienceEntry, PartnerAgency, RiskGrade } from './types';

// Request bodies of the agencies' APIs: what a client sends to the schemas each service validates with (in the
// contracts, from which the OpenAPI documents are generated too). Responses are still written here; see docs/api.

export type { PersonInput, SubjectRef };
export type HistoryRequest = CommandInput<typeof HistoryRequestCommand>;
export type Referral = CommandInput<typeof ReferralCommand>;

export type DashQuestion = keyof DashAnswers;
export type DashAnswer = DashAnswers[DashQuestion];
export type SdashQuestion = keyof SdashAnswers;

export interface Recorded {
  ref: string;
  eventId: string;
  caseRef?: string;
  published: boolean;
}

export interface DisclosureRequestView {
  requestRef: string;
  caseRef: string;
  concernRef: string;
  requestedBy: { userId: string; displayName?: string };
  reason: string;
  proposedAudience: AudienceEntry[];
  requestedAt: string;
  status: 'pending' | 'disclosed' | 'refused';
  decision?: { reason: string; decidedBy: { userId: string; displayName?: string }; decidedAt: string; audience?: AudienceEntry[]; legalGateway?: LegalGateway };
}

const post = async <T>(agency: PartnerAgency, path: string, body: unknown) => postJson<T>(await agencyUrl(agency, path), body);
const get = async <T>(agency: PartnerAgency, path: string) => getJson<T>(await agencyUrl(agency, path));

/** Each agency's own API, called directly from the browser with the same bearer token. */
export const agencies = {
  recordPerson: (agency: PartnerAgency, person: CommandInput<typeof PersonInput>) => post<{ personId: string; tokens: string[] }>(agency, '/people', person),
  refer: (agency: Exclude<PartnerAgency, 'cps'>, body: Referral) => post<Recorded>(agency, '/referrals', body),

  police: {
    incident: (body: CommandInput<typeof IncidentCommand>) => post<Recorded>('police', '/incidents', body),
    riskAssessment: (body: CommandInput<typeof RiskAssessmentCommand>) => post<Recorded & { grade: RiskGrade | null; yesCount: number | null; raisedByProfessionalJudgement: boolean; declined: boolean }>('police', '/risk-assessments', body),
    spoApplication: (body: CommandInput<typeof SpoApplicationCommand>) => post<Recorded>('police', '/spos', body),
  },

  cps: {
    historyRequest: (body: HistoryRequest) =>
      post<{ requestRef: string; eventId: string; urn: string; published: boolean }>('cps', '/history-requests', body),
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
  },
};
