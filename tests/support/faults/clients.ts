import { io, type Socket } from 'socket.io-client';
import type { MeetingPush } from '@convene/shared/contracts';
import type { Principal } from '@convene/shared/auth';
import { type Log, sleep } from './basics.js';
import { token } from './http.js';

// Socket clients that reconnect and resume with their last seq.

export class ResilientMeetingClient {
  /** Pushes received, one array per connection. */
  readonly sessions: MeetingPush[][] = [];
  readonly errors: string[] = [];
  reconnects = 0;
  private socket: Socket | undefined;
  private closing = false;
  private reconnecting: Promise<void> | undefined;

  constructor(
    readonly label: string,
    readonly principal: Principal,
    private readonly url: () => string,
    private readonly meetingId: string,
    private readonly log: Log,
  ) {}

  get lastSeq(): number {
    let last = 0;
    for (const s of this.sessions) for (const p of s) last = Math.max(last, p.seq);
    return last;
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Connect and join (resuming after lastSeq), retrying until `timeoutMs`. */
  async connect(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = '';
    while (!this.closing && Date.now() < deadline) {
      const socket = io(`${this.url()}/meetings`, { auth: { token: await token(this.principal) }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 5000 });
      try {
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', (err) => reject(err));
        });
        const session: MeetingPush[] = [];
        socket.on('push', (push: MeetingPush) => session.push(push));
        const lastSeq = this.lastSeq;
        const ack = (await socket.timeout(10_000).emitWithAck('join', { meetingId: this.meetingId, lastSeq })) as { ok: boolean; error?: { reason?: string } };
        if (!ack.ok) throw new Error(`join refused: ${ack.error?.reason ?? 'unknown'}`);
        this.sessions.push(session);
        this.socket = socket;
        socket.once('disconnect', (reason) => {
          if (this.closing) return;
          this.log(`socket client ${this.label} disconnected (${reason}); reconnecting from seq ${this.lastSeq}`);
          this.reconnects++;
          this.reconnecting = this.connect().catch((err: unknown) => {
            this.errors.push((err as Error).message);
          });
        });
        return;
      } catch (err) {
        lastError = (err as Error).message;
        socket.close();
        await sleep(500);
      }
    }
    if (!this.closing) throw new Error(`socket client ${this.label} could not reconnect: ${lastError}`);
  }

  async settled(): Promise<void> {
    await this.reconnecting;
  }

  close(): void {
    this.closing = true;
    this.socket?.close();
  }
}
