/**
 * One error base for the whole system. `code` is stable and machine-readable; `status` is the HTTP status it
 * maps to; `retriable` says whether doing the same thing again later can succeed.
 */
export class DomainError extends Error {
  readonly status: number;
  readonly retriable: boolean;
  readonly field: string | undefined;
  constructor(readonly code: string, message: string, options: { status?: number; retriable?: boolean; field?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.status = options.status ?? 400;
    this.retriable = options.retriable ?? false;
    this.field = options.field;
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `${what} ${id} was not found`, { status: 404 });
export const conflict = (code: string, message: string) => new DomainError(code, message, { status: 409 });
export const forbidden = (message = 'you may not do this') => new DomainError('forbidden', message, { status: 403 });

/** A failure that should go away on its own (a database or broker briefly unreachable). */
export class RetriableError extends Error {
  readonly retriable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetriableError';
  }
}

const RETRIABLE_NAMES = new Set([
  'MongoNetworkError', 'MongoNetworkTimeoutError', 'MongoServerSelectionError', 'MongoNotConnectedError',
  'MongoTopologyClosedError', 'MongooseServerSelectionError', 'MongoWriteConcernError', 'MongoPoolClearedError',
  'KafkaJSConnectionError', 'KafkaJSRequestTimeoutError', 'KafkaJSNumberOfRetriesExceeded', 'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout', 'KafkaJSNonRetriableError',
]);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'ENOTCONN']);

/**
 * Whether trying again later can help: our own flag first, then the drivers' error names. kafkajs gives up
 * with KafkaJSNonRetriableError/NumberOfRetriesExceeded when the broker stays away; for us that is still
 * worth another try later, so those names count as retriable.
 */
export function isRetriable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { retriable?: unknown; name?: unknown; cause?: unknown; code?: unknown };
  if (typeof e.name === 'string' && RETRIABLE_NAMES.has(e.name)) return true;
  if (typeof e.retriable === 'boolean') return e.retriable;
  // A socket the other side closed or reset (a database or broker restarting): "This socket has been ended by the
  // other party" is EPIPE, written to a connection the server has just closed.
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  // The driver wraps what stopped a bulk write (a closed connection, say) in a MongoBulkWriteError whose
  // errorResponse is the original error; a server's own refusal there is a plain object, not an Error.
  const wrapped = (err as { errorResponse?: unknown }).errorResponse;
  if (wrapped instanceof Error && wrapped !== err) return isRetriable(wrapped);
  return e.cause !== undefined ? isRetriable(e.cause) : false;
}
