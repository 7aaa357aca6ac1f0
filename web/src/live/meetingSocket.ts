import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, MeetingPush, ServerToClientEvents } from '../api/types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface LiveHandlers {
  onPush(push: MeetingPush): void;
  onStatus(status: LiveStatus, detail?: string): void;
  /** Joined again after losing the connection: whatever was missed has been (or is being) replayed. */
  onRejoined?(): void;
  /** The server refused the token. */
  onUnauthenticated?(): void;
}

/**
 * One meeting's live channel. socket.io reconnects by itself; on every (re)connect we join again with the
 * last seq we saw, and the server replays what we missed before any new push. Pushes at or below that seq
 * are ignored, so a replay never shows anything twice.
 */
export function connectMeeting(meetingId: string, token: string, handlers: LiveHandlers): { close(): void } {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io('/meetings', {
    auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 4000, timeout: 8000,
  });
  let lastSeq: number | undefined;
  let joinedBefore = false;
  let closed = false;

  socket.on('connect', () => {
    handlers.onStatus(joinedBefore ? 'reconnecting' : 'connecting', 'joining the meeting');
    socket.emit('join', { meetingId, ...(lastSeq !== undefined ? { lastSeq } : {}) }, (ack) => {
      if (closed) return;
      if (!ack.ok) {
        handlers.onStatus('refused', ack.error.reason);
        if (ack.error.code !== 'unavailable') socket.disconnect();
        return;
      }
      if (lastSeq === undefined) lastSeq = ack.latestSeq;
      handlers.onStatus('live');
      if (joinedBefore) handlers.onRejoined?.();
      joinedBefore = true;
    });
  });

  socket.on('push', (push) => {
    if (push.meetingId !== meetingId) return;
    if (lastSeq !== undefined && push.seq <= lastSeq) return;
    lastSeq = push.seq;
    handlers.onPush(push);
  });

  socket.on('disconnect', (reason) => {
    if (closed) return;
    handlers.onStatus('reconnecting', reason);
    // A server-side disconnect (e.g. a restart) is not retried by socket.io on its own.
    if (reason === 'io server disconnect') socket.connect();
  });

  socket.on('connect_error', (err) => {
    if (closed) return;
    if ((err as Error & { data?: { code?: number } }).data?.code === 401) {
      handlers.onStatus('refused', 'your sign-in has expired');
      handlers.onUnauthenticated?.();
      socket.disconnect();
      return;
    }
    handlers.onStatus(joinedBefore ? 'reconnecting' : 'connecting', err.message);
  });

  return {
    close() {
      closed = true;
      socket.disconnect();
    },
  };
}
