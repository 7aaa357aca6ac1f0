/**
 * The demo's "health concern that arrives while a meeting is running": some time after the running meeting
 * has started, the emergency department flags a concern (as a FHIR R4 Flag) about the victim of the case
 * the meeting is on. The health service publishes the minimal flag to the open listing and the conference
 * pushes an alert into the meeting room.
 */
import { DEV_JWT_SECRET } from '../lib/devSecrets.js';
import { createApi, waitFor, type ServiceUrls } from './api.js';
import { SEEDER, staff } from './people.js';
import { CONTACTS } from './scenarios/phrases.js';
import { fhirFlagBody } from './scenarios/kit.js';
import type { LiveConcernTarget } from './seed.js';

export interface LiveConcernOptions {
  /** The first area's id where the conference serves several (the case is that area's). */
  area?: string | undefined;
  delayMs: number;
  log: (line: string) => void;
  jwtSecret?: string;
}

export interface ScheduledConcern {
  /** When the concern will be flagged. */
  at: Date;
  /** Settles when the concern has landed in the case (or failed; the failure is logged, not thrown). */
  done: Promise<void>;
  cancel(): void;
}

const DETAIL = 'Attended ED this afternoon with a cut to the forehead and bruising to the upper arm. Disclosed that the former partner forced the way into the hallway and threatened to kill them if they give evidence. Discharged with head-injury advice; staying with a friend tonight.';

/** Flag the concern after `delayMs`; log when it is flagged and when it shows in the case. */
export function scheduleLiveConcern(urls: ServiceUrls, target: LiveConcernTarget, options: LiveConcernOptions): ScheduledConcern {
  const api = createApi(urls, { jwtSecret: options.jwtSecret ?? process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET, concurrency: 2, area: options.area });
  const clinician = staff('health');
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      void (async () => {
        try {
          const personId = target.healthPersonId ?? (await api.post<{ personId: string }>('health', clinician, '/people', target.identity)).personId;
          const flagged = Date.now();
          const flag = await api.post<{ id: string }>('health', clinician, '/fhir/Flag',
            fhirFlagBody(personId, 'threats_disclosed', 'high', CONTACTS.ed, DETAIL, new Date().toISOString()), { contentType: 'application/fhir+json' });
          options.log(`the ED has flagged a health concern (${flag.id}: threats disclosed, high) about the victim in ${target.caseRef}…`);
          await waitFor(`the concern to reach ${target.caseRef}`, async () => {
            const view = await api.get<{ view: { healthConcerns: { concernRef: string }[] } }>('conference', SEEDER, `/cases/${target.caseRef}`);
            return view.view.healthConcerns.some((c) => c.concernRef === flag.id);
          }, { timeoutMs: 30_000, intervalMs: 250 });
          if (!cancelled) options.log(`health concern ${flag.id} landed on ${target.caseRef} in the running meeting at ${new Date().toLocaleTimeString('en-GB')}, ${((Date.now() - flagged) / 1000).toFixed(1)}s after the ED flagged it`);
        } catch (err) {
          if (!cancelled) options.log(`the live health concern did not land: ${(err as Error).message}`);
        }
        resolve();
      })();
    }, options.delayMs);
    timer.unref();
  });
  return {
    at: new Date(Date.now() + options.delayMs),
    done,
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
    },
  };
}
