import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import { isRetriable, RetriableError } from './index.js';

// The driver mongoose runs on, as the services get it.
const { MongoBulkWriteError, MongoNetworkError, MongoServerError } = mongoose.mongo;

describe('isRetriable', () => {
  it('retries what the database or broker being away throws', () => {
    expect(isRetriable(new MongoNetworkError('connection 7 to 127.0.0.1:27027 closed'))).toBe(true);
    expect(isRetriable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isRetriable(new Error('outer', { cause: new RetriableError('inner') }))).toBe(true);
    // Written to a connection the database had just closed while restarting (the short fault run, once).
    expect(isRetriable(Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }))).toBe(true);
  });

  it('retries a bulk write stopped by a closed connection (the driver wraps the network error)', () => {
    const stopped = new MongoBulkWriteError(new MongoNetworkError('connection 7 to 127.0.0.1:27027 closed') as never, {} as never);
    expect(stopped.name).toBe('MongoBulkWriteError');
    expect(isRetriable(stopped)).toBe(true);
  });

  it('does not retry what the server refused, in a bulk write or not', () => {
    const refused = new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000, writeErrors: [] } as never, {} as never);
    expect(isRetriable(refused)).toBe(false);
    expect(isRetriable(new MongoServerError({ message: 'bad value', code: 2 }))).toBe(false);
    expect(isRetriable(new Error('schema mismatch'))).toBe(false);
  });
});
