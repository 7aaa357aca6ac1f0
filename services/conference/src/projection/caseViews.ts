import type { CaseEvent } from '@convene/shared/contracts';
import { evolveAll, type CaseView } from '../readModel/index.js';
import type { CaseStore, RevisedView } from '../db/cases.js';
import type { ErasedCases } from '../db/erasedCases.js';

export interface CaseViewsDeps {
  cases: Pick<CaseStore, 'loadRevised' | 'saveRevised'>;
  erased?: Pick<ErasedCases, 'among'> | undefined;
  /** The most views kept in memory (least recently used go first). */
  maxCached?: number;
}

/** What one fold did: every case's view after it, and which cases' views changed. */
export interface Folded {
  views: Map<string, CaseView>;
  before: Map<string, CaseView>;
}

/** A writer that keeps being beaten to the same cases this many times is given up on (the consumer retries). */
const MAX_ATTEMPTS = 5;

/**
 * The case views this instance folds, kept in memory between batches: a batch reads from the database only
 * the cases it has not seen lately, folds its events in memory and writes what changed in one bulk write per
 * 50. Each view carries the revision it was folded from, and a write is refused if the stored revision moved
 * on (another instance folded the same case, a chair's command was applied elsewhere, the case was erased):
 * the case is then read again and its events folded anew (folds are idempotent by event id). So an instance's
 * memory may be stale, but what it writes never is.
 *
 * Callers must not fold concurrently (the projector runs one fold at a time).
 */
export function createCaseViews(deps: CaseViewsDeps) {
  const maxCached = deps.maxCached ?? 1_000;
  const cached = new Map<string, RevisedView>();

  function remember(caseRef: string, revised: RevisedView) {
    cached.delete(caseRef);
    cached.set(caseRef, revised);
    if (cached.size > maxCached) cached.delete(cached.keys().next().value!);
  }

  async function current(caseRefs: string[]): Promise<Map<string, RevisedView>> {
    const found = new Map<string, RevisedView>();
    const missing: string[] = [];
    for (const ref of caseRefs) {
      const hit = cached.get(ref);
      if (hit) found.set(ref, hit);
      else missing.push(ref);
    }
    if (missing.length > 0) for (const [ref, revised] of await deps.cases.loadRevised(missing)) found.set(ref, revised);
    return found;
  }

  return {
    /** Apply each case's events to its view and store the views that changed; erased cases are left out. */
    async fold(byCase: Map<string, CaseEvent[]>): Promise<Folded> {
      const views = new Map<string, CaseView>();
      const before = new Map<string, CaseView>();
      let pending = new Map(byCase);
      for (let attempt = 1; pending.size > 0; attempt++) {
        if (attempt > MAX_ATTEMPTS) throw new Error(`case views kept changing under this writer: ${[...pending.keys()].slice(0, 5).join(', ')}`);
        // Only cases not stored from memory: a write over a cached revision is refused once its case is erased.
        const unseen = [...pending.keys()].filter((ref) => (cached.get(ref)?.rev ?? 0) === 0);
        for (const ref of unseen.length > 0 ? await deps.erased?.among(unseen) ?? [] : []) {
          pending.delete(ref);
          cached.delete(ref);
          // Folded in an earlier attempt whose write was refused because the case had gone.
          views.delete(ref);
          before.delete(ref);
        }
        const revised = await current([...pending.keys()]);
        const changed: RevisedView[] = [];
        for (const [ref, events] of pending) {
          const from = revised.get(ref)!;
          const view = evolveAll(from.view, events);
          before.set(ref, from.view);
          views.set(ref, view);
          if (view !== from.view) changed.push({ view, rev: from.rev });
          else remember(ref, from);
        }
        const refused = await deps.cases.saveRevised(changed);
        for (const { view, rev } of changed) {
          if (refused.has(view.caseRef)) cached.delete(view.caseRef);
          else remember(view.caseRef, { view, rev: rev + 1 });
        }
        pending = new Map([...pending].filter(([ref]) => refused.has(ref)));
      }
      return { views, before };
    },
  };
}

export type CaseViews = ReturnType<typeof createCaseViews>;
