import { LiveMessage, type LivePush } from '@convene/shared/contracts';

export type { LiveMessage, LivePresence } from '@convene/shared/contracts';

/** A push as the projector makes it: the topic gives it its seq. */
export type NewPush = LivePush['push'];

const MAX_LIVE_MESSAGE_BYTES = 512 * 1024;

export type ParsedLive = { ok: true; message: LiveMessage } | { ok: false; reason: 'oversized' | 'unparseable' | 'schema'; detail: string };

export function parseLiveMessage(bytes: Buffer | null): ParsedLive {
  if (!bytes) return { ok: false, reason: 'unparseable', detail: 'empty message' };
  if (bytes.length > MAX_LIVE_MESSAGE_BYTES) return { ok: false, reason: 'oversized', detail: `${bytes.length} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: 'unparseable', detail: (err as Error).message };
  }
  const parsed = LiveMessage.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'schema', detail: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ').slice(0, 500) };
  return { ok: true, message: parsed.data };
}
