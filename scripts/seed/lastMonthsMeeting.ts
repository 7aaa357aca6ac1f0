/**
 * Last month's meeting, held while the partnership carries on: reviews, actions and disclosure requests; the
 * case that is closed there is re-referred as a repeat; agencies then take up their actions and the Caldicott
 * guardian decides.
 */
import { progressActions, type AssignedAction } from './actionProgress.js';
import { recordChains } from './agencyRecords.js';
import { decideDisclosure, requestDisclosure, type DisclosureRequest } from './disclosures.js';
import { waitAnswered } from './listings.js';
import { atTime, scheduleMeeting } from './meetings.js';
import { referAgain, type FirstWave } from './referrals.js';
import { DAY, type CaseState, type SeedRun } from './run.js';

/** What the meeting leaves for afterwards, and the work going on beside it. */
interface MeetingOutcomes {
  meetingId: string;
  answered: Promise<void>;
  assigned: AssignedAction[];
  disclosureRequests: DisclosureRequest[];
  beside(...work: Promise<unknown>[]): void;
}

const isoDay = (run: SeedRun, inDays: number) => new Date(run.now.getTime() + inDays * DAY).toISOString().slice(0, 10);

/** The review, the actions and the disclosure requests the meeting decides on one case, side by side. */
function decideOnCase(run: SeedRun, meeting: MeetingOutcomes, c: CaseState): Promise<unknown> {
  const decision = c.scenario.lastMonth;
  return Promise.all([
    ...(decision ? [run.conference(`/cases/${c.caseRef}/review`, {
      meetingId: meeting.meetingId, riskDecision: decision.riskDecision, rationale: decision.rationale,
      nextReviewOn: isoDay(run, decision.nextReviewInDays),
    })] : []),
    ...(decision?.actions ?? []).map(async (action) => {
      const answer = await run.conference<{ actionId: string }>(`/cases/${c.caseRef}/actions`, {
        agency: action.agency, description: action.description, meetingId: meeting.meetingId, dueOn: isoDay(run, action.dueInDays),
      });
      meeting.assigned.push({ agency: action.agency, actionId: answer.actionId, progress: action.progress, ...(action.outcome ? { outcome: action.outcome } : {}) });
    }),
    ...(c.scenario.disclosures ?? []).filter((d) => d.meeting === 'ended').map(async (d) => meeting.disclosureRequests.push(await requestDisclosure(run, c, d.spec))),
  ]);
}

async function discussCase(run: SeedRun, meeting: MeetingOutcomes, key: string, position: number): Promise<void> {
  const c = run.caseOf(key);
  // The meeting discusses what the agencies returned: wait for it (the closing case only for its own).
  if (c.scenario.closeAfterMeeting) await waitAnswered(run, [c]);
  else await meeting.answered;
  if (position > 0) await run.conference(`/meetings/${meeting.meetingId}/move`, { position });
  await decideOnCase(run, meeting, c);
  if (c.scenario.closeAfterMeeting) {
    await run.conference(`/cases/${c.caseRef}/close`, { reason: c.scenario.closeAfterMeeting });
    meeting.beside(...[...run.cases.values()].filter((r) => r.scenario.repeatOf === key).map((r) => referAgain(run, r, c)));
  }
}

/**
 * Hold the meeting on `agenda` (scenario keys) and wait for everything it set going; its id. The case that is
 * closed is taken first, so that its victim's re-referral goes ahead while the meeting carries on; once every
 * agency has answered the listings, the records since the meeting stream to them meanwhile.
 */
export async function holdLastMonthsMeeting(run: SeedRun, agenda: string[], firstWave: FirstWave): Promise<string> {
  run.progress.step('holding last month\'s meeting; recording live events since');
  const when = atTime(new Date(run.now.getTime() - 30 * DAY), 9, 30);
  // Work beside the meeting is awaited at the end, and marked handled now so that a failure while the
  // meeting is still going on surfaces once, through that await.
  const background: Promise<unknown>[] = [];
  const beside = (...work: Promise<unknown>[]) => {
    for (const w of work) w.catch(() => undefined);
    background.push(...work);
  };
  beside(firstWave.answered.then(() => Promise.all(firstWave.cases.map((c) => recordChains(run, c, c.scenario.live)))));
  const closingFirst = [...agenda].sort((a, b) => Number(Boolean(run.caseOf(b).scenario.closeAfterMeeting)) - Number(Boolean(run.caseOf(a).scenario.closeAfterMeeting)));
  const meetingId = await scheduleMeeting(run, when, closingFirst);
  const meeting: MeetingOutcomes = { meetingId, answered: firstWave.answered, assigned: [], disclosureRequests: [], beside };
  await run.conference(`/meetings/${meetingId}/start`);
  for (const [position, key] of closingFirst.entries()) await discussCase(run, meeting, key, position);
  await run.conference(`/meetings/${meetingId}/end`);

  // Since then: agencies take up their actions and the Caldicott guardian decides.
  beside(progressActions(run, meeting.assigned), ...meeting.disclosureRequests.map((r) => decideDisclosure(run, r)));
  await Promise.all(background);
  return meetingId;
}
