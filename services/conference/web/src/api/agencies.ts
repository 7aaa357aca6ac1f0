import type { CommandInput, DASH_QUESTIONS, IncidentCommand, SDASH_QUESTIONS, SpoApplicationCommand, SubjectRef } from '@convene/shared/contracts';
import { agencyUrl } from './config';
import { getJson, postJson } from './http';
import type { AudienceEntry, Behaviour, ConcernCategory, ConsentLevel, PartnerAgency, RiskGrade, SubjectRole } from './types';

// Request bodies of the agencies' APIs. Those derived from the events they record are typed from the
// contracts' command schemas (contracts/commands.ts), which the services validate with; the rest are written
// from the contract types (every enum comes from the contracts) until they are derived too; see docs/api.

export type { SubjectRef };

interface CommandBase {
  subjects: SubjectRef[];
  occurredAt: string;
  sharing?: 'partnership' | 'restricted' | 'agency';
  audience?: AudienceEntry[];
}

export interface PersonInput {
  given: string;
  family: string;
  dateOfBirth: string;
  nhsNumber?: string;
  pncId?: string;
  postcode?: string;
}

export type DashAnswer = 'yes' | 'no' | 'not_known';
export type DashQuestion = (typeof DASH_QUESTIONS)[number];
export type SdashQuestion = (typeof SDASH_QUESTIONS)[number];

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
  decision?: { reason: string; decidedBy: { userId: string; displayName?: string }; decidedAt: string; audience?: AudienceEntry[] };
}

const post = async <T>(agency: PartnerAgency, path: string, body: unknown) => postJson<T>(await agencyUrl(agency, path), body);
const get = async <T>(agency: PartnerAgency, path: string) => getJson<T>(await agencyUrl(agency, path));

/** Each agency's own API, called directly from the browser with the same bearer token. */
export const agencies = {
  recordPerson: (agency: PartnerAgency, person: PersonInput) => post<{ personId: string; tokens: string[] }>(agency, '/people', person),
  refer: (agency: Exclude<PartnerAgency, 'cps'>, body: { subjects: SubjectRef[]; criterion: string; reason: string }) => post<Recorded>(agency, '/referrals', body),

  police: {
    incident: (body: CommandInput<typeof IncidentCommand>) => post<Recorded>('police', '/incidents', body),
    riskAssessment: (body: CommandBase & {
      declined: boolean; answers?: Record<DashQuestion, DashAnswer>; sdashAnswers?: Record<SdashQuestion, DashAnswer>;
      professionalJudgement?: { grade: RiskGrade; rationale: string }; victimOwnView?: RiskGrade;
    }) => post<Recorded & { grade: RiskGrade | null; yesCount: number | null; raisedByProfessionalJudgement: boolean; declined: boolean }>('police', '/risk-assessments', body),
    spoApplication: (body: CommandInput<typeof SpoApplicationCommand>) => post<Recorded>('police', '/spos', body),
  },

  cps: {
    historyRequest: (body: { urn: string; suspects: string[]; caseRef?: string; lawfulBasis: string; purpose: string }) =>
      post<{ requestRef: string; eventId: string; urn: string; published: boolean }>('cps', '/history-requests', body),
  },

  health: {
    concern: (body: CommandBase & { subjectRole: SubjectRole; category: ConcernCategory; severity: 'low' | 'medium' | 'high'; contact: { service: string; telephone?: string }; detail: string }) =>
      post<Recorded>('health', '/concerns', body),
    disclosureQueue: () => get<DisclosureRequestView[]>('health', '/disclosure-requests'),
    decide: (requestRef: string, body: { decision: 'disclosed' | 'refused'; reason: string; audience?: AudienceEntry[]; detail?: string }) =>
      post<Recorded>('health', `/disclosure-requests/${encodeURIComponent(requestRef)}/decide`, body),
  },

  advocacy: {
    engage: (body: CommandBase & { consent: ConsentLevel; consentGivenOn: string; limitedTo?: PartnerAgency[] }) => post<Recorded>('advocacy', '/engagements', body),
    victimView: (body: CommandBase & { engagementRef: string; ownViewOfRisk: RiskGrade; wishes: string; fears?: string }) => post<Recorded>('advocacy', '/victim-views', body),
    diary: (body: CommandBase & { behaviours: Behaviour[]; happenedAt: string; place: string; account: string }) => post<Recorded>('advocacy', '/diary-entries', body),
  },
};
