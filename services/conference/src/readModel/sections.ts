import type {
  AudienceEntry, Behaviour, ConcernCategory, ConsentLevel, PartnerAgency, ReferredPerson, RiskGrade, SubjectRole,
} from '@convene/shared/contracts';
import type {
  ActionStatus, BreachedOrderKind, ConcernContact, ConcernResolution, ConcernSeverity, Referral, SpoKind,
} from './timeline.js';

/** `pending` until the listing itself arrives: agencies' events may reach the view before it. */
export type CaseStatus = 'pending' | 'listed' | 'closed';

/** Where a value came from, so every figure on screen can be traced to its event. */
export interface Sourced {
  eventId: string;
  at: string;
}

export interface PoliceRisk extends Sourced {
  tool: 'DASH' | 'S-DASH';
  grade: RiskGrade | null;
  declined: boolean;
  yesCount: number | null;
  raisedByProfessionalJudgement: boolean;
}

export interface GradeNote extends Sourced {
  grade: RiskGrade;
}

export interface ConferenceRisk extends GradeNote {
  nextReviewOn: string;
}

export interface RiskState {
  police: PoliceRisk | null;
  /** The victim's own view, latest from each source: the police DASH question and the advocate. */
  victimView: { police: GradeNote | null; advocacy: GradeNote | null };
  conference: ConferenceRisk | null;
}

export interface Spo {
  orderRef: string;
  applied: (Sourced & { kind: SpoKind }) | null;
  granted: (Sourced & { kind: SpoKind; conditions: string[]; expiresOn: string }) | null;
  eventIds: string[];
}

export interface RestrainingOrder extends Sourced {
  orderRef: string;
  onConviction: boolean;
  conditions: string[];
  expiresOn: string | null;
  eventIds: string[];
}

export interface Breach extends Sourced {
  orderRef: string;
  /** Which order the reference names; for an SPO breach, `spo` unless the reference is a restraining order's. */
  orderKind: BreachedOrderKind;
  behaviours: Behaviour[];
}

/** Police bail or court bail conditions: what the suspect must not do until charge or trial. */
export interface BailConditions extends Sourced {
  bailRef: string;
  conditions: string[];
  until: string | null;
  eventIds: string[];
}

/** A recorded answer to "was an SPO considered?": applied for, or not and why. */
export interface SpoConsideration extends Sourced {
  decision: 'applied' | 'not_applied';
  orderRef: string | null;
  reason: string;
}

export interface OrdersState {
  spos: Spo[];
  restrainingOrders: RestrainingOrder[];
  bail: BailConditions[];
  spoConsiderations: SpoConsideration[];
  breaches: Breach[];
}

export interface CaseAction {
  actionId: string;
  owner: PartnerAgency | null;
  description: string | null;
  dueOn: string | null;
  status: ActionStatus;
  statusAt: string;
  outcome: string | null;
  eventIds: string[];
}

/** The minimal health flag; clinical detail arrives only through a disclosure decision. */
export interface HealthConcern {
  concernRef: string;
  subjectRole: SubjectRole | null;
  category: ConcernCategory | null;
  severity: ConcernSeverity | null;
  contact: ConcernContact | null;
  status: 'open' | 'resolved';
  resolution: ConcernResolution | null;
  eventIds: string[];
}

export interface Disclosure {
  requestRef: string;
  concernRef: string;
  requestedAt: string | null;
  decision: 'pending' | 'disclosed' | 'refused';
  decidedAt: string | null;
  /** Who the decision was shared with: null means the whole partnership. */
  audience: AudienceEntry[] | null;
  /** Only on a disclosed decision, and only in the view of someone in its audience. */
  detail: string | null;
  eventIds: string[];
}

export interface ConsentState extends Sourced {
  level: ConsentLevel | null;
  limitedTo: PartnerAgency[];
  givenOn: string | null;
  revoked: boolean;
  revokedOn: string | null;
}

/** Everything in a case view that is folded from its timeline. */
export interface CaseSections {
  status: CaseStatus;
  listedAt: string | null;
  closedAt: string | null;
  /** Days the closed case is kept, as set when it was closed (null: the conference's default applies). */
  retentionDays: number | null;
  listingEventId: string | null;
  referral: Referral | null;
  repeatOf: string | null;
  people: ReferredPerson[];
  subjectTokens: Record<SubjectRole, string[]>;
  risk: RiskState;
  orders: OrdersState;
  actions: CaseAction[];
  healthConcerns: HealthConcern[];
  disclosures: Disclosure[];
  consent: ConsentState | null;
}
