// Types the UI shares with the services, imported as types only (erased from the bundle): the contracts' zod
// schemas, which the services validate and document with, are the single source of every shape shown here.
import type { Agency, AgencyMonth, DerivedFigure, MonthFigures, PeriodFigures, Role, ScrutinyFigures, WebClientConfig } from '@convene/shared/contracts';

export type {
  Agency, PartnerAgency, Role, Behaviour, OffenceClass, RiskGrade, ConcernCategory, ConsentLevel, SubjectRole,
  AudienceEntry, MeetingPush, PresentUser, JoinAck, CatchUpAck, ClientToServerEvents, ServerToClientEvents,
} from '@convene/shared/contracts';
/** `GET /cases/:caseRef` and its parts: the viewer's filtered view, the signals as shown to them, orders in force. */
export type {
  CaseViewResponse as CaseResponse, SharedCaseView as CaseView, SharedTimelineEntry as TimelineEntry, Signal, CaseAction, HealthConcern, OrderInForce, Breach, Spo, RestrainingOrder,
} from '@convene/shared/contracts';
/** `GET /meetings`, `GET /meetings/:id` (and every change to one), `GET /meetings/:id/agenda`. */
export type { MeetingView, AgendaLine } from '@convene/shared/contracts';
/** `GET /history-checks/:requestRef`. */
export type { ChronologyReport } from '@convene/shared/contracts';
/** `GET /cases`: one listed case, for preparing agendas. */
export type { CaseSummary } from '@convene/shared/contracts';
export type { Principal } from '@convene/shared/contracts';
export type { WebClientConfig };
/** `GET /scrutiny/figures`: de-identified figures per agency by month, quarter and year, small cells suppressed, and the derived ratios. */
export type { ScrutinyFigures, MonthFigures, PeriodFigures, AgencyMonth, DerivedFigure };

/** `GET /auth/dev/people`. */
export interface DemoPersonView {
  id: string;
  displayName: string;
  role: Role;
  agency: Agency;
  title: string;
}
