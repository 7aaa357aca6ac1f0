import type { Logger } from '../log/index.js';
import { signAnchor, type AuditAnchor } from './anchor.js';

export interface AnchorerOptions {
  /** The chain's name: its database. */
  chain: string;
  key: string;
  /** Publish one anchor (to the anchor topic); resolves once it is acknowledged. */
  send(anchor: AuditAnchor): Promise<void>;
  logger: Logger;
  /** Anchor at most this often… */
  everyMs?: number;
  /** …or sooner, once this many entries are waiting. */
  maxPending?: number;
  now?: () => Date;
}

export interface Anchorer {
  /** An entry this process appended; cheap, never waits on Kafka. */
  note(entry: { seq: number; hash: string }): void;
  /** Anchor the newest noted entry now, if it is not anchored yet. */
  flush(): Promise<void>;
  start(): void;
  /** Stop the timer and anchor what is left. */
  stop(): Promise<void>;
}

/**
 * Publishes the newest entry this process appended as a signed anchor, in batches: every `everyMs` or every
 * `maxPending` entries, and at shutdown — never one Kafka send per read on the request path. An anchor that
 * cannot be sent is tried again at the next tick; a later anchor covers every entry before it.
 */
export function createAnchorer(options: AnchorerOptions): Anchorer {
  const everyMs = options.everyMs ?? 1000;
  const maxPending = options.maxPending ?? 500;
  const now = options.now ?? (() => new Date());
  let latest: { seq: number; hash: string } | undefined;
  let anchoredSeq = 0;
  let pending = 0;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function anchorLatest(): Promise<void> {
    const head = latest;
    if (!head || head.seq <= anchoredSeq) return;
    const anchor = signAnchor(options.key, { chain: options.chain, seq: head.seq, hash: head.hash, at: now().toISOString() });
    try {
      await options.send(anchor);
      anchoredSeq = Math.max(anchoredSeq, head.seq);
      pending = 0;
    } catch (err) {
      options.logger.warn({ err: (err as Error).message, seq: head.seq }, 'audit anchor not published; will retry');
    }
  }

  function flush(): Promise<void> {
    inFlight = inFlight.then(anchorLatest);
    return inFlight;
  }

  return {
    note(entry) {
      if (latest && entry.seq <= latest.seq) return;
      latest = { seq: entry.seq, hash: entry.hash };
      if (++pending >= maxPending) void flush();
    },
    flush,
    start() {
      if (timer) return;
      timer = setInterval(() => void flush(), everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}
