import type { Logger } from '@convene/shared/log';
import type {
  AckErrorCode, AckFailure, CatchUpAck, CatchUpMessage, ClientEventName, JoinAck, JoinMessage, LeaveAck, LeaveMessage, SessionEnded,
} from '@convene/shared/contracts';
import type { Live, Push } from '../live/index.js';
import { meetingPurpose, type AuditRecorder } from '../domain/auditing.js';
import type { MeetingAccess } from '../domain/access.js';
import type { Meeting } from '../domain/meeting.js';
import { conferencePolicy } from '../domain/policy.js';
import type { AccessRound } from './access.js';
import type { Fanout } from './fanout.js';
import { invalid, isClientEvent, parseClientMessage } from './messages.js';
import type { Presence } from './presence.js';
import { meetingRoom, type MeetingSocket } from './types.js';
import { mayReceive } from './visibility.js';

export interface ConnectionDeps {
  /** A fresh pass of access decisions (invitation, the time after the meeting, open actions) at the current time. */
  accessRound(): AccessRound;
  live: Pick<Live, 'logs' | 'caughtUp'>;
  audit: AuditRecorder;
  fanout: Fanout;
  presence: Presence;
  logger: Logger;
  /** True once the server is shutting down: it then clears presence in bulk, not socket by socket. */
  closing(): boolean;
  /** Register work the server must wait for before it closes. */
  track(work: Promise<unknown>): void;
}

const CATCH_UP_PAGE = 1000;

const fail = (code: AckErrorCode, reason: string): AckFailure => ({ ok: false, error: { code, reason } });

/** The longest delay setTimeout keeps (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The cases of a meeting whose pushes may reach this socket: all, or (once the time after the meeting is over) some. */
type CaseScope = Extract<MeetingAccess, { allowed: true }>['cases'];
const inScope = (scope: CaseScope | undefined, push: Pick<Push, 'caseRef'>) =>
  push.caseRef === null || scope === 'all' || (scope?.has(push.caseRef) ?? false);

/** A meeting the caller may be in now, with the cases that may reach them there. */
type Admitted = Meeting & { cases: CaseScope };

/** One connected socket, as the server holds it to check it again. */
export interface Session {
  /** Meetings this socket has joined. */
  meetings(): string[];
  /**
   * Check the token's expiry and the access to each joined meeting (or only `onlyMeeting`) again: close the
   * socket with the reason when either has lapsed, else narrow or widen the cases its pushes may be about.
   */
  recheck(round: AccessRound, onlyMeeting?: string): Promise<void>;
}

/** Wire one authenticated socket: join, leave, catchUp, and cleaning up when it goes. */
export function handleConnection(socket: MeetingSocket, deps: ConnectionDeps): Session {
  const principal = socket.data.principal;
  const log = deps.logger.child({ socketId: socket.id, userId: principal.sub });
  const joined = new Set<string>();
  /** Per joined meeting, the cases its pushes may be about; read at every push, so a re-check applies at once. */
  const scopes = new Map<string, CaseScope>();
  let expiryTimer: NodeJS.Timeout | undefined;

  /** Tell the client why, then close the socket (a client does not reconnect by itself after a server disconnect). */
  function end(notice: SessionEnded): void {
    if (socket.disconnected) return;
    log.info({ code: notice.code, meetingId: notice.meetingId }, 'live session ended by the server');
    socket.emit('sessionEnded', notice);
    socket.disconnect();
  }
  const tokenExpired = (): SessionEnded => ({ code: 'token_expired', reason: 'your token has expired: sign in again to reconnect' });

  function watchExpiry(): void {
    const left = socket.data.expiresAt - Date.now();
    if (left <= 0) return end(tokenExpired());
    expiryTimer = setTimeout(watchExpiry, Math.min(left, MAX_TIMER_MS));
    expiryTimer.unref();
  }

  /** The meeting, if it exists and the caller may be in it now; otherwise the failure to acknowledge. */
  async function admit(meetingId: string): Promise<Admitted | AckFailure> {
    // The same role rule as GET /meetings/:id: an invitation alone does not let a scrutiny member in.
    if (!conferencePolicy(principal, 'meetings.read')) return fail('forbidden', 'your role may not attend meetings');
    const decided = await deps.accessRound().decide(principal, meetingId);
    if (!decided) return fail('not_found', 'no such meeting');
    if (!decided.access.allowed) return fail('forbidden', decided.access.reason);
    return { ...decided.meeting, cases: decided.access.cases };
  }
  const refused = (m: Meeting | AckFailure): m is AckFailure => 'ok' in m;
  /** A join or catch-up reads the meeting's pushes: audited, refused or not, for that meeting. */
  const audited = (action: 'meeting.join' | 'meeting.catch_up', meetingId: string, m: Meeting | AckFailure) =>
    deps.audit(principal, { action, purpose: meetingPurpose(meetingId), meetingId, outcome: refused(m) ? 'denied' : 'allowed' });

  async function join({ meetingId, lastSeq }: JoinMessage, ack: (reply: JoinAck) => void): Promise<void> {
    const meeting = await admit(meetingId);
    await audited('meeting.join', meetingId, meeting);
    if (refused(meeting)) return ack(meeting);
    if (socket.disconnected) return;
    const wasJoined = joined.has(meetingId);
    joined.add(meetingId);
    scopes.set(meetingId, meeting.cases);
    const sub = { lastSent: 0, viewer: principal, inScope: (p: Push) => inScope(scopes.get(meetingId), p) };
    // Queued on the feed now, before any await, so a leave or disconnect that follows is queued after it.
    const subscribed = deps.fanout.subscribe(meetingId, socket.id, sub, lastSeq, (latestSeq) => ack({ ok: true, latestSeq }));
    try {
      await Promise.all([socket.join(meetingRoom(meetingId)), subscribed]);
    } catch (err) {
      if (!wasJoined) {
        joined.delete(meetingId);
        scopes.delete(meetingId);
      }
      throw err;
    }
    if (!joined.has(meetingId)) return; // left or gone meanwhile: depart() has unsubscribed
    const member = meeting.members.find((m) => m.userId === principal.sub);
    deps.presence.enter({
      meetingId, socketId: socket.id, userId: principal.sub, role: principal.role, agency: principal.agency,
      displayName: member?.displayName ?? (meeting.chair.userId === principal.sub ? meeting.chair.displayName : undefined) ?? principal.name,
    });
    await deps.presence.announce(meetingId);
    log.debug({ meetingId }, 'joined meeting');
  }

  async function depart(meetingId: string): Promise<void> {
    joined.delete(meetingId);
    scopes.delete(meetingId);
    await deps.fanout.unsubscribe(meetingId, socket.id);
    if (deps.closing()) return;
    deps.presence.leave(meetingId, socket.id);
    await deps.presence.announce(meetingId);
  }

  async function leave({ meetingId }: LeaveMessage, ack: (reply: LeaveAck) => void): Promise<void> {
    if (joined.has(meetingId)) {
      await socket.leave(meetingRoom(meetingId));
      await depart(meetingId);
    }
    ack({ ok: true });
  }

  async function catchUp({ meetingId, afterSeq }: CatchUpMessage, ack: (reply: CatchUpAck) => void): Promise<void> {
    const meeting = await admit(meetingId);
    await audited('meeting.catch_up', meetingId, meeting);
    if (refused(meeting)) return ack(meeting);
    await deps.live.caughtUp();
    const page = deps.live.logs.since(meetingId, afterSeq, CATCH_UP_PAGE);
    ack({ ok: true, pushes: page.filter((p) => inScope(meeting.cases, p) && mayReceive(p, principal)), upTo: page[page.length - 1]?.seq ?? afterSeq });
  }

  const handlers = { join, leave, catchUp };

  /** Parse, run, and answer; a bad message or a failing database never throws out of a listener. */
  function dispatch(event: ClientEventName, args: unknown[]): void {
    const parsed = parseClientMessage(event, args);
    if (!parsed.ok) {
      log.debug({ event, field: parsed.failure.error.field }, 'invalid realtime message');
      parsed.ack?.(parsed.failure);
      return;
    }
    const handler = handlers[event] as (message: unknown, ack: (reply: unknown) => void) => Promise<void>;
    deps.track(handler(parsed.message, parsed.ack).catch((err: unknown) => {
      log.error({ event, err: (err as Error).message }, 'realtime message failed');
      parsed.ack(fail('unavailable', 'the meeting service could not do this now; try again'));
    }));
  }

  socket.on('join', (...args: unknown[]) => dispatch('join', args));
  socket.on('leave', (...args: unknown[]) => dispatch('leave', args));
  socket.on('catchUp', (...args: unknown[]) => dispatch('catchUp', args));
  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (!isClientEvent(event) && typeof ack === 'function') ack(invalid('event', `unknown event ${JSON.stringify(event).slice(0, 40)}`));
  });

  socket.on('disconnect', () => {
    clearTimeout(expiryTimer);
    deps.track(Promise.all([...joined].map((meetingId) => depart(meetingId))).catch((err: unknown) => {
      log.warn({ err: (err as Error).message }, 'presence not cleared after a disconnect');
    }));
  });

  watchExpiry();

  return {
    meetings: () => [...joined],
    async recheck(round, onlyMeeting) {
      if (socket.disconnected) return;
      if (socket.data.expiresAt <= round.now.getTime()) return end(tokenExpired());
      for (const meetingId of onlyMeeting === undefined ? [...joined] : [onlyMeeting]) {
        if (!joined.has(meetingId)) continue;
        const decided = await round.decide(principal, meetingId);
        if (socket.disconnected || !joined.has(meetingId)) continue;
        if (!decided) return end({ code: 'access_ended', reason: 'the meeting no longer exists', meetingId });
        if (!decided.access.allowed) return end({ code: 'access_ended', reason: decided.access.reason, meetingId });
        scopes.set(meetingId, decided.access.cases);
      }
    },
  };
}
