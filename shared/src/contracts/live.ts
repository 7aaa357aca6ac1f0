import { z } from 'zod';
import { MeetingPush, PresentUser } from './realtime.js';

/**
 * The conference's live topic (LIVE_TOPIC), keyed by meeting: the pushes of each meeting, each instance's
 * list of who is in it, and retractions. Every conference instance reads all of it, so each can serve every
 * meeting's sockets; a push's offset on the topic gives its `seq`. Only the conference writes and reads it.
 */
export const LivePush = z.object({ type: z.literal('push'), push: MeetingPush.omit({ seq: true }) });
export type LivePush = z.infer<typeof LivePush>;

/** Who is in a meeting through one instance, sent on each change and again while anyone is there. */
export const LivePresence = z.object({
  type: z.literal('presence'),
  meetingId: z.uuid(),
  instanceId: z.string().min(1).max(200),
  present: z.array(PresentUser.extend({ since: z.iso.datetime({ offset: true }) })),
});
export type LivePresence = z.infer<typeof LivePresence>;

/**
 * Pushes about a case that may no longer be served: its advocacy records (consent narrowed or revoked), or
 * everything (the case erased). Sent to every partition, so in each it follows every push it withdraws.
 */
export const LiveRetract = z.object({ type: z.literal('retract'), caseRef: z.string().min(1), scope: z.enum(['advocacy', 'all']) });

export const LiveMessage = z.discriminatedUnion('type', [LivePush, LivePresence, LiveRetract]);
export type LiveMessage = z.infer<typeof LiveMessage>;
