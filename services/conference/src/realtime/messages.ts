import type { z } from 'zod';
import { ClientMessages, type AckFailure, type ClientEventName } from '@convene/shared/contracts';

type Reply = (reply: unknown) => void;

export type ParsedMessage<E extends ClientEventName> =
  | { ok: true; message: z.infer<(typeof ClientMessages)[E]>; ack: Reply }
  | { ok: false; failure: AckFailure; ack: Reply | undefined };

export function invalid(field: string, reason: string): AckFailure {
  return { ok: false, error: { code: 'invalid_message', field, reason } };
}

function failureOf(error: z.ZodError): AckFailure {
  const issue = error.issues[0];
  if (!issue) return invalid('message', 'invalid message');
  const path = issue.path.map(String);
  // An unknown field is named itself, not its parent object.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return invalid(path.join('.') || 'message', issue.message);
}

/**
 * A client message is exactly one object followed by an acknowledgement function. Anything else is a
 * failure to report on the ack when there is one; parsing never throws.
 */
export function parseClientMessage<E extends ClientEventName>(event: E, args: unknown[]): ParsedMessage<E> {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as Reply) : undefined;
  const body = ack ? args.slice(0, -1) : args;
  if (!ack) return { ok: false, failure: invalid('ack', 'an acknowledgement callback is required'), ack };
  if (body.length !== 1) return { ok: false, failure: invalid('message', `expected one message object, got ${body.length} arguments`), ack };
  const parsed = ClientMessages[event].safeParse(body[0]);
  if (!parsed.success) return { ok: false, failure: failureOf(parsed.error), ack };
  return { ok: true, message: parsed.data as z.infer<(typeof ClientMessages)[E]>, ack };
}

export function isClientEvent(event: string): event is ClientEventName {
  return Object.hasOwn(ClientMessages, event);
}
