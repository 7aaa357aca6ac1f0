import { io, type Socket } from 'socket.io-client';
import type { MeetingPush } from '@convene/shared/contracts';

export interface MeetingClient {
  socket: Socket;
  pushes: MeetingPush[];
  join(meetingId: string, lastSeq?: number): Promise<{ ok: boolean; latestSeq?: number; error?: unknown }>;
  close(): void;
}

/** A socket.io client on the /meetings namespace that records every push it receives. */
export async function meetingClient(baseUrl: string, token: string): Promise<MeetingClient> {
  const socket = io(`${baseUrl}/meetings`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const pushes: MeetingPush[] = [];
  socket.on('push', (push: MeetingPush) => pushes.push(push));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return {
    socket,
    pushes,
    join: (meetingId, lastSeq) => socket.timeout(10_000).emitWithAck('join', lastSeq === undefined ? { meetingId } : { meetingId, lastSeq }),
    close: () => void socket.close(),
  };
}
