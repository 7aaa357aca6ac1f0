import type { TestProject } from 'vitest/node';
import { ensureStack, stopStack } from '../../infra/local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    mongoUrl: string;
  }
}

/**
 * Integration tests run on a real broker and a real MongoDB-wire database. With KAFKA_BROKERS and MONGO_URL
 * set they use those; otherwise the local stack is started here and stopped afterwards if we started it.
 */
export default async function setup(project: TestProject) {
  const { endpoints, startedByUs } = await ensureStack({ log: (line) => console.log(`[stack] ${line}`) });
  project.provide('kafkaBrokers', endpoints.kafkaBrokers);
  project.provide('mongoUrl', endpoints.mongoUrl);
  return async () => {
    if (startedByUs && !process.env.CONVENE_KEEP_STACK) await stopStack({ log: (line) => console.log(`[stack] ${line}`) });
  };
}
