import { z } from 'zod';
import { Agency, AudienceEntry, Role } from './common.js';

/**
 * The live meeting channel (socket.io namespace `/meetings`).
 *
 * Connecting: pass the bearer token as `auth: { token }`; a missing, badly signed or expired token is
 * refused with `connect_error` (`err.data.code === 401`).
 *
 * Delivery contract for `push`: for one socket and one meeting, `seq` strictly increases and no push is
 * sent twice. A gap in `seq` means the push was filtered out for you (restricted to an audience you are not
 * in) or, rarely, lost (a writer that never finished, or a server that gave up waiting for it). If you
 * suspect loss, call `catchUp({ meetingId, afterSeq })`; it answers with every push after `afterSeq` that
 * you may see. After a reconnect, `join` again with `lastSeq` set to the last seq you received: the server
 * acknowledges, then sends everything after `lastSeq` before any live push.
 *
 * While connected, the token's expiry and the caller's access to each joined meeting are checked again
 * (periodically, and whenever the meeting changes); when either lapses the server sends `sessionEnded` with
 * the reason and disconnects.
 */
export const REALTIME_NAMESPACE = '/meetings';

export const PushKind = z.enum(['case.updated', 'timeline.entry', 'alert', 'action.changed', 'agenda.moved', 'meeting.state', 'presence']);
export type PushKind = z.infer<typeof PushKind>;

/** What the meeting room is told; `seq` is the meeting's sequence number in the push log. */
export const MeetingPush = z.object({
  meetingId: z.uuid(),
  seq: z.number().int().min(1),
  kind: PushKind,
  caseRef: z.string().nullable(),
  sharing: z.enum(['partnership', 'restricted']),
  audience: z.array(AudienceEntry).nullable(),
  payload: z.record(z.string(), z.unknown()),
  at: z.iso.datetime({ offset: true }),
  sourceId: z.string().min(1),
});
export type MeetingPush = z.infer<typeof MeetingPush>;

/** The payload of a `presence` push: who is in the meeting now, each user once. */
export const PresentUser = z.object({
  userId: z.string().min(1),
  displayName: z.string().optional(),
  agency: Agency,
  role: Role,
});
export type PresentUser = z.infer<typeof PresentUser>;
export const PresencePayload = z.object({ present: z.array(PresentUser) });
export type PresencePayload = z.infer<typeof PresencePayload>;

// Client → server. Strict: an unknown field is an invalid message, not silently ignored.

export const JoinMessage = z.strictObject({
  meetingId: z.uuid(),
  /** The last seq this client received (after a reconnect); omit on a first join. */
  lastSeq: z.number().int().min(0).optional(),
});
export type JoinMessage = z.infer<typeof JoinMessage>;

export const LeaveMessage = z.strictObject({ meetingId: z.uuid() });
export type LeaveMessage = z.infer<typeof LeaveMessage>;

export const CatchUpMessage = z.strictObject({
  meetingId: z.uuid(),
  afterSeq: z.number().int().min(0),
});
export type CatchUpMessage = z.infer<typeof CatchUpMessage>;

/** Every client message by event name: the server parses each with its schema. */
export const ClientMessages = { join: JoinMessage, leave: LeaveMessage, catchUp: CatchUpMessage } as const;
export type ClientEventName = keyof typeof ClientMessages;

// Acknowledgements.

export const AckErrorCode = z.enum(['invalid_message', 'not_found', 'forbidden', 'unavailable']);
export type AckErrorCode = z.infer<typeof AckErrorCode>;

export const AckFailure = z.object({
  ok: z.literal(false),
  error: z.object({
    code: AckErrorCode,
    /** The offending field of the message (dotted path) when code is invalid_message. */
    field: z.string().optional(),
    reason: z.string(),
  }),
});
export type AckFailure = z.infer<typeof AckFailure>;

/** `latestSeq`: you will receive every push after it (and after `lastSeq`, if you gave one) that you may see. */
export const JoinAck = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), latestSeq: z.number().int().min(0) }), AckFailure]);
export type JoinAck = z.infer<typeof JoinAck>;

export const LeaveAck = z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), AckFailure]);
export type LeaveAck = z.infer<typeof LeaveAck>;

/**
 * `pushes`: the ones after `afterSeq` you may see, in seq order. `upTo`: the seq the server read up to; if
 * it is below the latest seq, ask again with `afterSeq: upTo` (one answer holds at most a page).
 */
export const CatchUpAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pushes: z.array(MeetingPush), upTo: z.number().int().min(0) }),
  AckFailure,
]);
export type CatchUpAck = z.infer<typeof CatchUpAck>;

/**
 * Sent just before the server closes a socket whose access has ended: the token expired (sign in again and
 * reconnect), or the caller's access to a meeting it had joined lapsed (removed from the invitation list, or the
 * set time after the meeting ended has passed with no open action for the caller's agency).
 */
export const SessionEnded = z.object({
  code: z.enum(['token_expired', 'access_ended']),
  reason: z.string(),
  meetingId: z.uuid().optional(),
});
export type SessionEnded = z.infer<typeof SessionEnded>;

// Typed socket.io event maps, shared by the server and the UI.

export interface ClientToServerEvents {
  join: (message: JoinMessage, ack: (reply: JoinAck) => void) => void;
  leave: (message: LeaveMessage, ack: (reply: LeaveAck) => void) => void;
  catchUp: (message: CatchUpMessage, ack: (reply: CatchUpAck) => void) => void;
}

export interface ServerToClientEvents {
  push: (push: MeetingPush) => void;
  sessionEnded: (notice: SessionEnded) => void;
}
