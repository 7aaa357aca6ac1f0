import type { z } from 'zod';
import { CaseEvent, isEventType } from './events.js';
import { builtInUpcasters, upcast, type UpcasterRegistry } from './upcast.js';

/** Kafka's default max.message.bytes is about 1 MB; our events are far smaller, so keep a margin. */
export const DEFAULT_MAX_EVENT_BYTES = 900 * 1024;

export type RejectionReason = 'oversized' | 'unparseable' | 'unknown_type' | 'schema';

export type ParseResult =
  | { ok: true; event: CaseEvent }
  | { ok: false; reason: RejectionReason; detail: string };

export interface ParseOptions {
  maxBytes?: number;
  upcasters?: UpcasterRegistry;
}

/** Field path and message of each zod issue, short enough for a DLQ header or a log line. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const parts = error.issues.slice(0, limit).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  if (error.issues.length > limit) parts.push(`…and ${error.issues.length - limit} more`);
  return parts.join('; ');
}

/** Decide what one message off the bus is: a valid current event, or a rejection with its reason. */
export function parseEventBytes(value: Buffer | string | null, options: ParseOptions = {}): ParseResult {
  if (value === null) return { ok: false, reason: 'unparseable', detail: 'empty message (tombstone)' };
  const size = typeof value === 'string' ? Buffer.byteLength(value) : value.length;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_EVENT_BYTES;
  if (size > maxBytes) return { ok: false, reason: 'oversized', detail: `${size} bytes exceeds the ${maxBytes}-byte limit` };
  let json: unknown;
  try {
    json = JSON.parse(value.toString());
  } catch (err) {
    return { ok: false, reason: 'unparseable', detail: `not JSON: ${(err as Error).message}` };
  }
  return parseEvent(json, options);
}

export function parseEvent(json: unknown, options: ParseOptions = {}): ParseResult {
  const current = upcast(json, options.upcasters ?? builtInUpcasters);
  const type = typeof current === 'object' && current !== null ? (current as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !isEventType(type)) {
    return { ok: false, reason: 'unknown_type', detail: `unknown event type ${JSON.stringify(type)?.slice(0, 120)}` };
  }
  const result = CaseEvent.safeParse(current);
  if (!result.success) return { ok: false, reason: 'schema', detail: `${type}: ${describeIssues(result.error)}` };
  return { ok: true, event: result.data };
}
