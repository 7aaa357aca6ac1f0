import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '../contracts/index.js';
import type { QueuedRecord } from './eventStore.js';
import { createWriteBehind } from './writeBehind.js';

const closedOn = (caseRef: string) => createEvent('conference.case.closed.v1', {
  occurredAt: new Date('2026-11-02T10:00:00Z'), sharing: 'partnership', subject: caseRef as never,
  data: { caseRef: caseRef as never, reason: 'risk_reduced', closedBy: { userId: 'chair-1' } },
});

let seq = 0;
const queued = (event: CaseEvent): QueuedRecord => ({ event, publish: true, seq: ++seq });

/** A promise and the hand that resolves it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

function harness(options: { holdProjectionOf?: Set<string>; failProjectionOf?: Set<string> } = {}) {
  const steps: string[] = [];
  const gates = new Map<string, ReturnType<typeof gate>>();
  for (const id of options.holdProjectionOf ?? []) gates.set(id, gate());
  const behind = createWriteBehind({
    store: {
      appendToLog: async (records) => {
        steps.push(`log ${records.map((r) => r.event.subject).join(',')}`);
        return new Set();
      },
      settle: async () => undefined,
    },
    project: async (event) => {
      steps.push(`project ${event.subject} start`);
      await gates.get(event.id)?.opened;
      if (options.failProjectionOf?.has(event.id)) throw new Error('read model away');
      steps.push(`project ${event.subject} done`);
    },
    relay: {
      nudge: () => undefined,
      publishNow: async (events) => { steps.push(`kafka ${events.map((e) => e.subject).join(',')}`); },
    },
  });
  return { behind, steps, gates };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('write-behind rounds', () => {
  it('hands a round to Kafka once it is in the log, and answers each request only after its own projection', async () => {
    const first = closedOn('CNV-2026-000001');
    const second = closedOn('CNV-2026-000001'); // the same case: its records reach the read model in order
    const { behind, steps, gates } = harness({ holdProjectionOf: new Set([first.id]) });
    const firstAnswered = behind.settle(queued(first));
    await tick();
    const secondAnswered = behind.settle(queued(second));
    let answered = 0;
    void firstAnswered.then(() => { answered++; });
    for (let i = 0; i < 5; i++) await tick();
    // In the log and on Kafka, though not yet in the read model: not answered.
    expect(steps.slice(0, 3)).toEqual(['log CNV-2026-000001', 'kafka CNV-2026-000001', 'project CNV-2026-000001 start']);
    expect(answered).toBe(0);
    gates.get(first.id)!.open();
    await Promise.all([firstAnswered, secondAnswered]);
    const projections = steps.filter((s) => s.startsWith('project'));
    expect(projections).toEqual(['project CNV-2026-000001 start', 'project CNV-2026-000001 done', 'project CNV-2026-000001 start', 'project CNV-2026-000001 done']);
    expect(steps.filter((s) => s.startsWith('kafka'))).toHaveLength(2);
  });

  it('fails only the request whose projection failed; the rounds after it go on', async () => {
    const bad = closedOn('CNV-2026-000002');
    const good = closedOn('CNV-2026-000003');
    const { behind } = harness({ failProjectionOf: new Set([bad.id]) });
    const badAnswer = behind.settle(queued(bad));
    await expect(badAnswer).rejects.toThrow('read model away');
    await expect(behind.settle(queued(good))).resolves.toBeUndefined();
  });
});
