import type { MeetingPush, PresentUser } from '@convene/shared/contracts';
import type { LiveMessage, LivePresence } from './messages.js';

export type Push = MeetingPush;

/** Where a message sits on the live topic: its offset gives the seq, its timestamp the presence clock. */
export interface LivePosition {
  partition: number;
  offset: string;
  timestamp: number;
}

export interface MeetingLogsOptions {
  /** The most pushes kept per meeting for catch-up; older ones are dropped first. */
  maxPerMeeting?: number;
  /** An instance not heard from for this long no longer counts towards who is present. */
  presenceExpiryMs?: number;
}

interface MeetingLog {
  partition: number;
  pushes: Push[];
  /** The seq of the newest push dropped to keep within maxPerMeeting: a catch-up from before it is incomplete. */
  droppedUpTo: number;
  latest: number;
  lastHeard: number;
  seen: Set<string>;
  instances: Map<string, { present: LivePresence['present']; heardAt: number }>;
  presentKey: string;
  present: PresentUser[];
}

const seqOf = (offset: string) => Number(offset) + 1;

function aboutCase(push: Push, caseRef: string): boolean {
  const payload = push.payload as { caseRef?: unknown; agenda?: unknown };
  return push.caseRef === caseRef || payload.caseRef === caseRef || (Array.isArray(payload.agenda) && payload.agenda.includes(caseRef));
}
const isAdvocacyEntry = (push: Push, caseRef: string) =>
  push.caseRef === caseRef && (push.payload as { entry?: { agency?: string } }).entry?.agency === 'advocacy';

/** Who is present through any instance heard from recently: each user once, in the order they came. */
function merged(log: MeetingLog, now: number, expiryMs: number): PresentUser[] {
  for (const [instanceId, heard] of log.instances) if (heard.heardAt < now - expiryMs) log.instances.delete(instanceId);
  const all = [...log.instances.values()].flatMap((i) => i.present).sort((a, b) => a.since.localeCompare(b.since) || a.userId.localeCompare(b.userId));
  const users = new Map<string, PresentUser>();
  for (const { since: _since, ...user } of all) if (!users.has(user.userId)) users.set(user.userId, user);
  return [...users.values()];
}

/**
 * Every meeting's pushes as the live topic has them, in memory: pure, so every instance that reads the same
 * messages in the same order holds the same log, gives the same seqs and drops the same redeliveries.
 */
export function createMeetingLogs(options: MeetingLogsOptions = {}) {
  const maxPerMeeting = options.maxPerMeeting ?? 20_000;
  const expiryMs = options.presenceExpiryMs ?? 15_000;
  const logs = new Map<string, MeetingLog>();

  function logOf(meetingId: string, partition: number): MeetingLog {
    let log = logs.get(meetingId);
    if (!log) {
      log = { partition, pushes: [], droppedUpTo: 0, latest: 0, lastHeard: 0, seen: new Set(), instances: new Map(), presentKey: '[]', present: [] };
      logs.set(meetingId, log);
    }
    return log;
  }

  function append(log: MeetingLog, push: Push): Push {
    log.pushes.push(push);
    log.latest = push.seq;
    if (log.pushes.length > maxPerMeeting) log.droppedUpTo = log.pushes.splice(0, log.pushes.length - maxPerMeeting).at(-1)!.seq;
    return push;
  }

  function applyPresence(message: LivePresence, at: LivePosition): Push | undefined {
    const log = logOf(message.meetingId, at.partition);
    log.lastHeard = at.timestamp;
    log.instances.set(message.instanceId, { present: message.present, heardAt: at.timestamp });
    const present = merged(log, at.timestamp, expiryMs);
    const key = JSON.stringify(present);
    if (key === log.presentKey) return undefined;
    log.presentKey = key;
    log.present = present;
    return append(log, {
      meetingId: message.meetingId, seq: seqOf(at.offset), kind: 'presence', caseRef: null, sharing: 'partnership', audience: null,
      payload: { present }, at: new Date(at.timestamp).toISOString(), sourceId: `presence:${at.partition}:${at.offset}`,
    });
  }

  return {
    /** Take one message off the topic; the push to deliver, if it makes one. */
    apply(message: LiveMessage, at: LivePosition): Push | undefined {
      if (message.type === 'presence') return applyPresence(message, at);
      if (message.type === 'retract') {
        const withdrawn = message.scope === 'all' ? aboutCase : isAdvocacyEntry;
        for (const log of logs.values()) {
          if (log.partition === at.partition) log.pushes = log.pushes.filter((p) => !withdrawn(p, message.caseRef));
        }
        return undefined;
      }
      const log = logOf(message.push.meetingId, at.partition);
      log.lastHeard = at.timestamp;
      const key = `${message.push.sourceId}|${message.push.kind}`;
      if (log.seen.has(key)) return undefined;
      log.seen.add(key);
      return append(log, { ...message.push, seq: seqOf(at.offset) });
    },
    /** The pushes after `afterSeq`, oldest first, at most `limit`. */
    since(meetingId: string, afterSeq: number, limit = Infinity): Push[] {
      const pushes = logs.get(meetingId)?.pushes ?? [];
      let lo = 0;
      let hi = pushes.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pushes[mid]!.seq <= afterSeq) lo = mid + 1;
        else hi = mid;
      }
      return pushes.slice(lo, lo + Math.min(limit, pushes.length));
    },
    /** Whether every push after `afterSeq` is still held (false once older ones were dropped). */
    holdsSince(meetingId: string, afterSeq: number): boolean {
      return afterSeq >= (logs.get(meetingId)?.droppedUpTo ?? 0);
    },
    latestSeq(meetingId: string): number {
      return logs.get(meetingId)?.latest ?? 0;
    },
    present(meetingId: string): PresentUser[] {
      return logs.get(meetingId)?.present ?? [];
    },
    /** Forget meetings nothing was heard of since `before` (ms): the topic no longer holds them either. */
    forgetQuietSince(before: number): number {
      let forgotten = 0;
      for (const [meetingId, log] of logs) {
        if (log.lastHeard < before) {
          logs.delete(meetingId);
          forgotten++;
        }
      }
      return forgotten;
    },
    meetings(): number {
      return logs.size;
    },
  };
}

export type MeetingLogs = ReturnType<typeof createMeetingLogs>;
