// Types the UI shares with the services, imported as types only (erased from the bundle): the server's
// zod-derived contracts and read model are the single source of every shape shown here.
import type { caseViewFor } from '../../../src/http/caseView.js';
import type { Meeting } from '../../../src/domain/meeting.js';
import type { ChronologyReport } from '../../../src/export/report.js';
import type { WebClientConfig } from '../../../src/http/webConfig.js';
import type { ScrutinyFigures, MonthFigures, AgencyMonth, DerivedFigure } from '../../../src/scrutiny/figures.js';

export type {
  Agency, PartnerAgency, Role, Behaviour, OffenceClass, RiskGrade, ConcernCategory, ConsentLevel, SubjectRole,
  AudienceEntry, MeetingPush, PresentUser, JoinAck, CatchUpAck, ClientToServerEvents, ServerToClientEvents,
} from '@convene/shared/contracts';
export type { AgendaLine, CaseView, TimelineEntry, Signal, CaseAction, HealthConcern, OrderInForce, Breach, Spo, RestrainingOrder } from '../../../src/readModel/index.js';
export type { Principal } from '@convene/shared/auth';
export type { ChronologyReport, WebClientConfig };
/** `GET /scrutiny/figures`: de-identified monthly figures per agency, small cells suppressed, and the derived ratios. */
export type { ScrutinyFigures, MonthFigures, AgencyMonth, DerivedFigure };

/** `GET /cases/:caseRef`: the viewer's filtered view, signals computed on it, orders in force. */
export type CaseResponse = Awaited<ReturnType<typeof caseViewFor>>;

/** `GET /meetings/:id`: the meeting as stored, without its bookkeeping. */
export type MeetingView = Omit<Meeting, 'appliedEventIds'>;

/** `GET /cases`: one listed case, for preparing agendas (the contract the conference answers with). */
export type { CaseSummary } from '@convene/shared/contracts';

/** `GET /auth/dev/people`. */
export interface DemoPersonView {
  id: string;
  displayName: string;
  role: import('@convene/shared/contracts').Role;
  agency: import('@convene/shared/contracts').Agency;
  title: string;
}
