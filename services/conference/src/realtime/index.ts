export { createRealtime, type Realtime, type RealtimeDeps } from './server.js';
export { mayReceive } from './visibility.js';
export { meetingRoom, type MeetingServer, type MeetingSocket, type SocketData } from './types.js';
