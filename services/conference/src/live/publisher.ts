import type { Message } from 'kafkajs';
import type { EventPublisher } from '@convene/shared/kafka';
import type { LiveMessage, LivePresence, NewPush } from './messages.js';

const toMessage = (key: string, message: LiveMessage, partition?: number): Message =>
  ({ key, value: JSON.stringify(message), ...(partition === undefined ? {} : { partition }) });

/** Writes to the live topic: pushes and presence keyed by meeting (one partition, one order), retractions to every partition. */
export function createLivePublisher(publisher: Pick<EventPublisher, 'sendRaw'>, topic: string, partitions: () => number) {
  return {
    async pushes(pushes: readonly NewPush[]): Promise<void> {
      if (pushes.length === 0) return;
      await publisher.sendRaw(topic, pushes.map((push) => toMessage(push.meetingId, { type: 'push', push })));
    },
    async presence(message: Omit<LivePresence, 'type'>): Promise<void> {
      await publisher.sendRaw(topic, [toMessage(message.meetingId, { type: 'presence', ...message })]);
    },
    async retract(caseRef: string, scope: 'advocacy' | 'all'): Promise<void> {
      const messages = Array.from({ length: partitions() }, (_, partition) => toMessage(caseRef, { type: 'retract', caseRef, scope }, partition));
      await publisher.sendRaw(topic, messages);
    },
  };
}

export type LivePublisher = ReturnType<typeof createLivePublisher>;
