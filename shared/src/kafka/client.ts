import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '../log/index.js';

// kafkajs logs errors it is about to retry at ERROR; the ones that matter reach us as exceptions.
const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'warn',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** kafkajs logs through our pino logger, so broker trouble shows up in the service's JSON log. */
function pinoLogCreator(logger: Logger) {
  return () => ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    logger[levels[level] ?? 'info']({ kafka: extra }, message);
  };
}

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Fail fast in tests; production keeps kafkajs's longer defaults. */
  connectionTimeout?: number;
}

export function createKafka(options: KafkaClientOptions, extra: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeout ?? 3000,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(options.logger.child({ component: 'kafkajs' })),
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
    ...extra,
  });
}
