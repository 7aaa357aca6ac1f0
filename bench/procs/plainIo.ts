// The B4 ceiling: a plain socket.io server broadcasting the same payload to one room, no database, no auth.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { runChild } from '../lib/childMain.js';
import { now, sleep } from '../lib/stats.js';

runChild<Record<string, never>>(async () => {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => void socket.join('meeting'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  return {
    info: { url: `http://127.0.0.1:${(http.address() as { port: number }).port}` },
    calls: {
      /** Broadcast `count` pushes at `rate`/s; returns when each was emitted, by seq. */
      async broadcast({ payload, rate, count }: { payload: Record<string, unknown>; rate: number; count: number }) {
        const sent: [string, number][] = [];
        const t0 = now();
        for (let seq = 1; seq <= count; seq++) {
          const wait = t0 + ((seq - 1) * 1000) / rate - now();
          if (wait > 1) await sleep(wait);
          const at = now();
          io.to('meeting').emit('push', { ...payload, seq, at: new Date().toISOString() });
          sent.push([String(seq), at]);
        }
        return { sent, achievedRate: count / ((now() - t0) / 1000) };
      },
    },
    stats: () => ({ sockets: io.engine.clientsCount, rssKb: Math.round(process.memoryUsage.rss() / 1024) }),
    async stop() {
      io.disconnectSockets(true);
      await new Promise<void>((r) => io.close(() => r()));
    },
  };
});
