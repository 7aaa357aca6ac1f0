import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A new event id: a version 7 UUID (RFC 9562), its first 48 bits the time in milliseconds, then a counter
 * within the millisecond, then random bits. Ids made one after the other sort in the order they were made
 * (within this process), so each agency's outbox and log grow at one end of their _id index and leave it in
 * that order: on MongoDB and on the stand-in alike, new and deleted entries share few index pages instead of
 * touching every one. The time it shows is the recording time the envelope carries anyway.
 */
export function newEventId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs++;
    counter = 0;
  }
  const time = lastMs.toString(16).padStart(12, '0');
  const random = randomUUID(); // 'xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx': its variant and last 62 bits are kept
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}${random.slice(18)}`;
}
