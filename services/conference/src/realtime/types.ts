import type { Namespace, Server, Socket } from 'socket.io';
import type { Principal } from '@convene/shared/auth';
import type { ClientToServerEvents, ServerToClientEvents } from '@convene/shared/contracts';

/** What the handshake leaves on a socket: the verified caller, never taken from a message. */
export interface SocketData {
  principal: Principal;
  /** When the handshake's token expires (ms since the epoch): the socket is closed then. */
  expiresAt: number;
}

type NoEvents = Record<string, never>;
export type MeetingServer = Server<ClientToServerEvents, ServerToClientEvents, NoEvents, SocketData>;
export type MeetingNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, NoEvents, SocketData>;
export type MeetingSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoEvents, SocketData>;

export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;
