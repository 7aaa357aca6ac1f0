import type { Logger } from '@convene/shared/log';
import type {
  AckErrorCode, AckFailure, CatchUpAck, CatchUpMessage, ClientEventName, JoinAck, JoinMessage, LeaveAck, LeaveMessage,
} from '@convene/shared/contracts';
import type { MeetingStore } from '../db/meetings.js';
import type { Push, PushStore } from '../db/pushes.js';
import { isMember, type Meeting } from '../domain/meeting.js';
import { conferencePolicy } from '../domain/policy.js';
import type { Fanout } from './fanout.js';
import { invalid, isClientEvent, parseClientMessage } from './messages.js';
import type { Presence } from './presence.js';
import { meetingRoom, type MeetingSocket } from './types.js';
import { mayReceive } from './visibility.js';

export interface ConnectionDeps {
  meetings: Pick<MeetingStore, 'find'>;
  pushes: Pick<PushStore, 'since'>;
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

/** Wire one authenticated socket: join, leave, catchUp, and cleaning up when it goes. */
export function handleConnection(socket: MeetingSocket, deps: ConnectionDeps): void {
  const principal = socket.data.principal;
  const log = deps.logger.child({ socketId: socket.id, userId: principal.sub });
  const joined = new Set<string>();

  /** The meeting, if it exists and the caller is invited; otherwise the failure to acknowledge. */
  async function admit(meetingId: string): Promise<Meeting | AckFailure> {
    // The same role rule as GET /meetings/:id: an invitation alone does not let a scrutiny member in.
    if (!conferencePolicy(principal, 'meetings.read')) return fail('forbidden', 'your role may not attend meetings');
    const meeting = await deps.meetings.find(meetingId);
    if (!meeting) return fail('not_found', 'no such meeting');
    if (!isMember(meeting, principal)) return fail('forbidden', 'you are not a member of this meeting');
    return meeting;
  }
  const refused = (m: Meeting | AckFailure): m is AckFailure => 'ok' in m;

  async function join({ meetingId, lastSeq }: JoinMessage, ack: (reply: JoinAck) => void): Promise<void> {
    const meeting = await admit(meetingId);
    if (refused(meeting)) return ack(meeting);
    if (socket.disconnected) return;
    const wasJoined = joined.has(meetingId);
    joined.add(meetingId);
    const sub = { lastSent: 0, mayReceive: (p: Push) => mayReceive(p, principal) };
    // Queued on the feed now, before any await, so a leave or disconnect that follows is queued after it.
    const subscribed = deps.fanout.subscribe(meetingId, socket.id, sub, lastSeq, (latestSeq) => ack({ ok: true, latestSeq }));
    try {
      await Promise.all([socket.join(meetingRoom(meetingId)), subscribed]);
    } catch (err) {
      if (!wasJoined) joined.delete(meetingId);
      throw err;
    }
    if (!joined.has(meetingId)) return; // left or gone meanwhile: depart() has unsubscribed
    const member = meeting.members.find((m) => m.userId === principal.sub);
    await deps.presence.enter({
      meetingId, socketId: socket.id, userId: principal.sub, role: principal.role, agency: principal.agency,
      displayName: member?.displayName ?? (meeting.chair.userId === principal.sub ? meeting.chair.displayName : undefined) ?? principal.name,
    });
    if (!joined.has(meetingId)) await deps.presence.leave(meetingId, socket.id);
    await deps.presence.announce(meetingId);
    log.debug({ meetingId }, 'joined meeting');
  }

  async function depart(meetingId: string): Promise<void> {
    joined.delete(meetingId);
    await deps.fanout.unsubscribe(meetingId, socket.id);
    if (deps.closing()) return;
    await deps.presence.leave(meetingId, socket.id);
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
    if (refused(meeting)) return ack(meeting);
    const page = await deps.pushes.since(meetingId, afterSeq, CATCH_UP_PAGE);
    ack({ ok: true, pushes: page.filter((p) => mayReceive(p, principal)), upTo: page[page.length - 1]?.seq ?? afterSeq });
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
    deps.track(Promise.all([...joined].map((meetingId) => depart(meetingId))).catch((err: unknown) => {
      log.warn({ err: (err as Error).message }, 'presence not cleared after a disconnect');
    }));
  });
}
