import type { MeetingPush } from '@convene/shared/contracts';
import { mayReceive } from '../../../services/conference/src/realtime/visibility.js';
import { ResilientMeetingClient } from './clients.js';

// Pushes: the meeting's log on the live topic against what each socket client received.

export interface PushLogCheck {
  pushes: number;
  /** Pushes whose seq is not above the one before: the live topic gives each meeting increasing seqs. */
  outOfOrder: number;
  duplicateTimelinePushes: string[];
  missingTimelinePushes: string[];
}

export function checkPushLog(log: MeetingPush[], expectedTimelineSources: string[]): PushLogCheck {
  let outOfOrder = 0;
  for (let i = 1; i < log.length; i++) if (log[i]!.seq <= log[i - 1]!.seq) outOfOrder++;
  const timelineCount = new Map<string, number>();
  for (const p of log) if (p.kind === 'timeline.entry') timelineCount.set(p.sourceId, (timelineCount.get(p.sourceId) ?? 0) + 1);
  return {
    pushes: log.length,
    outOfOrder,
    duplicateTimelinePushes: [...timelineCount].filter(([, n]) => n > 1).map(([id]) => id),
    missingTimelinePushes: expectedTimelineSources.filter((id) => !timelineCount.has(id)),
  };
}

export interface ClientCheck {
  client: string;
  sessions: number;
  reconnects: number;
  received: number;
  /** Seqs the client should have had (visible to it, in the log) but never received. */
  missed: number[];
  /** Seqs received more than once, or out of order. */
  duplicates: number[];
  outOfOrder: number;
  lastSeq: number;
  errors: string[];
}

/** A client that joined from seq 0 must have received every push it may see, once, in increasing order. */
export function checkClient(client: ResilientMeetingClient, log: MeetingPush[]): ClientCheck {
  const all = client.sessions.flat();
  let outOfOrder = 0;
  for (let i = 1; i < all.length; i++) if (all[i]!.seq <= all[i - 1]!.seq) outOfOrder++;
  const seen = new Map<number, number>();
  for (const p of all) seen.set(p.seq, (seen.get(p.seq) ?? 0) + 1);
  const upTo = client.lastSeq;
  const visible = log.filter((p) => p.seq <= upTo && mayReceive(p, client.principal)).map((p) => p.seq);
  return {
    client: client.label,
    sessions: client.sessions.length,
    reconnects: client.reconnects,
    received: all.length,
    missed: visible.filter((s) => !seen.has(s)).slice(0, 20),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([s]) => s).slice(0, 20),
    outOfOrder,
    lastSeq: upTo,
    errors: client.errors,
  };
}
