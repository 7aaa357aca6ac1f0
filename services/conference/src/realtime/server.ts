import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { TokenVerifier } from '@convene/shared/auth';
import type { Logger } from '@convene/shared/log';
import { REALTIME_NAMESPACE } from '@convene/shared/contracts';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import type { Live, Push } from '../live/index.js';
import type { AuditRecorder } from '../domain/auditing.js';
import { DEFAULT_CASE_ACCESS_AFTER_MEETING_DAYS } from '../domain/access.js';
import { accessRound } from './access.js';
import { authenticateHandshake } from './auth.js';
import { handleConnection, type Session } from './connection.js';
import { createFanout } from './fanout.js';
import { createPresence } from './presence.js';
import { meetingRoom, type MeetingServer } from './types.js';
import type { Areas } from '../domain/areas.js';

export interface RealtimeDeps {
  verifyToken: TokenVerifier;
  meetings: MeetingStore;
  /** The live topic as this instance reads it: pushes, catch-up and presence. */
  live: Live;
  /** Every join and catch-up goes in the audit log, for the meeting it was made for. */
  audit: AuditRecorder;
  logger: Logger;
  /** The UI's origin, the only one allowed cross-origin; none given, none allowed. */
  uiOrigin?: string | undefined;
  /** How often this instance's presence is announced again while it has sockets in a meeting. */
  presenceHeartbeatMs?: number;
  /** The areas the conference serves (CONVENE_AREAS): a room is its own area's only. */
  areas: Areas;
  /** Where open actions are read, which keep a member's access after the time after a meeting; none given, none do. */
  cases?: Pick<CaseStore, 'load'>;
  /** CASE_ACCESS_AFTER_MEETING_DAYS (default 7). */
  afterMeetingDays?: number;
  /** How often every socket's token expiry and meeting access are checked again (LIVE_ACCESS_RECHECK_SECONDS; default 30 s). */
  recheckMs?: number;
  /** The clock access is judged by (tests move it). */
  now?: () => Date;
}

export interface Realtime {
  io: MeetingServer;
  instanceId: string;
  /** Disconnects every socket and clears this instance's presence. The HTTP server stays its owner's to close. */
  close(): Promise<void>;
}

/** Client messages are a few hundred bytes; anything near this is not a client of ours. */
const MAX_MESSAGE_BYTES = 16 * 1024;

export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
  const instanceId = deps.live.instanceId;
  const logger = deps.logger.child({ component: 'realtime', instanceId });
  const { uiOrigin } = deps;
  let closing = false;
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const io: MeetingServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    ...(uiOrigin ? { cors: { origin: uiOrigin } } : {}),
    // CORS does not bind WebSockets, so a browser's Origin is checked here too.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !closing && (origin === undefined || origin === uiOrigin));
    },
  });
  // Only /meetings is served; the default namespace accepts no one.
  io.use((_socket, next) => next(Object.assign(new Error(`connect to ${REALTIME_NAMESPACE}`), { data: { code: 404 } })));

  const meetings = io.of(REALTIME_NAMESPACE);
  const { areas } = deps;
  const sessions = new Map<string, Session>();
  const newRound = () => accessRound({
    meetings: deps.meetings, cases: deps.cases, now: deps.now ?? (() => new Date()),
    afterMeetingDays: deps.afterMeetingDays ?? DEFAULT_CASE_ACCESS_AFTER_MEETING_DAYS, areas,
  });
  /** Access is checked at join, and again while connected: every `recheckMs`, and for a meeting whenever it changes. */
  function recheck(onlyMeeting?: string): Promise<void> {
    const round = newRound();
    const due = [...sessions.values()].filter((s) => onlyMeeting === undefined || s.meetings().includes(onlyMeeting));
    const work = Promise.all(due.map((s) => s.recheck(round, onlyMeeting))).then(() => undefined, (err: unknown) => {
      logger.warn({ meetingId: onlyMeeting, err: (err as Error).message }, 'live access re-check failed; the next one retries');
    });
    track(work);
    return work;
  }
  let rechecking: Promise<void> | undefined;
  const recheckTimer = setInterval(() => {
    rechecking ??= recheck().finally(() => (rechecking = undefined));
  }, deps.recheckMs ?? 30_000);
  recheckTimer.unref();

  // Every socket is in a room of its own id: a push goes to the rooms of those who may see it, encoded once.
  // When that is everyone in the meeting's room, and the room holds no one the fan-out has not caught up yet
  // (same size: every subscriber is in it), the push goes to that one room, as a plain broadcast would.
  const send = (push: Push, socketIds: string[]) => {
    const room = meetingRoom(push.meetingId);
    const everyone = socketIds.length > 1 && meetings.adapter.rooms.get(room)?.size === socketIds.length && socketIds.every((id) => meetings.adapter.sids.get(id)?.has(room));
    meetings.to(everyone ? room : socketIds).emit('push', push);
    // A meeting changed (invitations, agenda, ended): the sockets in it may have lost their access.
    if (push.kind === 'meeting.state' && !closing) void recheck(push.meetingId);
  };
  const fanout = createFanout({ live: deps.live, send });
  const presence = createPresence(deps.live, { ...(deps.presenceHeartbeatMs ? { heartbeatMs: deps.presenceHeartbeatMs } : {}) });
  meetings.use(authenticateHandshake(deps.verifyToken, logger));
  meetings.on('connection', (socket) => {
    sessions.set(socket.id, handleConnection(socket, {
      accessRound: newRound, live: deps.live, audit: deps.audit, fanout, presence, logger, closing: () => closing, track,
    }));
    socket.on('disconnect', () => sessions.delete(socket.id));
  });

  return {
    io,
    instanceId,
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(recheckTimer);
      fanout.stop();
      meetings.disconnectSockets(true);
      await Promise.allSettled([...pending]);
      try {
        for (const meetingId of presence.leaveInstance()) await presence.announce(meetingId);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'presence of this instance not cleared on close');
      }
      io.engine.close();
    },
  };
}
