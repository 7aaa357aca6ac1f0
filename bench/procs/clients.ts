// socket.io clients in one process (websocket transport, a connection each), recording when each push arrives.
import { io, type Socket } from 'socket.io-client';
import { runChild } from '../lib/childMain.js';
import { distribution, now, sleep } from '../lib/stats.js';

interface ClientsParams {
  url: string;
  /** '/meetings' for Convene; '/' for the plain socket.io ceiling. */
  namespace: string;
  tokens: string[];
  count: number;
  meetingId?: string;
  /** Which pushes to time, and by what: a timeline entry's event id (B2), the push's source id (B4) or its seq (the plain ceiling). */
  keyBy: 'eventId' | 'seq' | 'sourceId';
  connectConcurrency: number;
}

interface Push {
  seq: number;
  kind: string;
  sourceId?: string;
  at?: string;
  payload: { entry?: { eventId?: string } };
}

runChild<ClientsParams>(async (p) => {
  const sockets: Socket[] = [];
  const receipts: Map<string, number>[] = [];
  /** Receipts of the clients that connected (and joined the meeting): only these are expected to receive. */
  const joined: Map<string, number>[] = [];
  /** When the projector stamped each push (`at`, ms): the projector's side of the latency. */
  const stampedAt = new Map<string, number>();
  let total = 0;

  function open(index: number): Promise<void> {
    const socket = io(`${p.url}${p.namespace === '/' ? '' : p.namespace}`, {
      auth: { token: p.tokens[index % p.tokens.length] }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 60_000,
    });
    const mine = new Map<string, number>();
    receipts.push(mine);
    sockets.push(socket);
    socket.on('push', (push: Push) => {
      const t = now();
      if (push.kind !== 'timeline.entry') return;
      const key = p.keyBy === 'seq' ? String(push.seq) : p.keyBy === 'sourceId' ? push.sourceId : push.payload.entry?.eventId;
      if (key === undefined || mine.has(key)) return;
      mine.set(key, t);
      total++;
      if (push.at && !stampedAt.has(key)) stampedAt.set(key, Date.parse(push.at));
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    }).then(async () => {
      if (p.meetingId) {
        const ack = await socket.timeout(120_000).emitWithAck('join', { meetingId: p.meetingId }) as { ok: boolean; error?: unknown };
        if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
      }
      joined.push(mine);
    });
  }

  return {
    calls: {
      /** Connect (and join) every client, `connectConcurrency` at a time. */
      async connect({ deadlineMs }: { deadlineMs?: number } = {}) {
        const t0 = now();
        let failed = 0;
        let firstError: string | undefined;
        let start = 0;
        for (; start < p.count; start += p.connectConcurrency) {
          if (deadlineMs !== undefined && now() - t0 > deadlineMs) break;
          const wave = [];
          for (let i = start; i < Math.min(p.count, start + p.connectConcurrency); i++) wave.push(open(i));
          for (const r of await Promise.allSettled(wave)) {
            if (r.status === 'rejected') {
              failed++;
              firstError ??= String((r.reason as Error)?.message ?? r.reason);
            }
          }
        }
        const attempted = Math.min(start, p.count);
        return { connected: attempted - failed, failed, firstError, connectMs: now() - t0, attempted };
      },
      async count() {
        return { total };
      },
      async reset() {
        for (const r of receipts) r.clear();
        stampedAt.clear();
        total = 0;
      },
      /**
       * Latency per (push, client) from `sent` ([key, t0, t1?]): t0 is when the sender started, t1 (if given)
       * when the projector wrote it. Missing deliveries are counted, not guessed.
       */
      async report({ sent }: { sent: [string, number, number?][] }) {
        const fromSend: number[] = [];
        const fromStored: number[] = [];
        const stampLag: number[] = [];
        let missing = 0;
        for (const [key, t0, t1] of sent) {
          const stamped = stampedAt.get(key);
          if (stamped !== undefined) stampLag.push(stamped - t0);
          for (const mine of joined) {
            const t = mine.get(key);
            if (t === undefined) {
              missing++;
              continue;
            }
            fromSend.push(t - t0);
            if (t1 !== undefined) fromStored.push(t - t1);
          }
        }
        const clients = sockets.filter((x) => x.connected).length;
        return { clients, joined: joined.length, deliveries: fromSend.length, expected: sent.length * joined.length, missing, latency: distribution(fromSend), fromStored: distribution(fromStored), stampLag: distribution(stampLag) };
      },
      async close() {
        for (const s of sockets) s.close();
        await sleep(200);
      },
    },
    stats: () => ({ total, sockets: sockets.filter((s) => s.connected).length, rssKb: Math.round(process.memoryUsage.rss() / 1024) }),
    async stop() {
      for (const s of sockets) s.close();
    },
  };
});
