import type { Admin, Kafka } from 'kafkajs';

export interface TopicOptions {
  partitions?: number;
  replicationFactor?: number;
  /** Topic settings for topics created now (e.g. retention.ms); existing topics keep theirs. */
  configEntries?: { name: string; value: string }[];
}

/**
 * Create the topics that do not exist yet; existing ones are left alone, so every service can call this at
 * start-up. Partitions default to 6 so several conference instances can share the work.
 */
export async function ensureTopics(kafka: Kafka, names: readonly string[], options: TopicOptions = {}): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(names)].filter((t) => !existing.has(t));
    if (missing.length === 0) return [];
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: options.partitions ?? 6,
          replicationFactor: options.replicationFactor ?? 1,
          ...(options.configEntries ? { configEntries: options.configEntries } : {}),
        })),
      });
    } catch (err) {
      // Another instance created it between our list and create: that is the outcome we wanted.
      if ((err as { type?: string }).type === 'TOPIC_ALREADY_EXISTS') return missing;
      // Created, but the broker answering the wait for leaders does not know the topic yet (seen on a broker
      // that has just started, while other topics are being created): wait for every partition's leader.
      const type = (err as { type?: string; originalError?: { type?: string } }).type ?? (err as { originalError?: { type?: string } }).originalError?.type;
      if (type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw err;
      await leadersKnown(admin, missing);
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

async function leadersKnown(admin: Admin, topics: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      if (found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} were created but have no leader after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Cheap liveness probe for /health: can we reach a broker and read cluster metadata? */
export async function kafkaReachable(kafka: Kafka, timeoutMs = 2000): Promise<boolean> {
  const admin = kafka.admin();
  const attempt = (async () => {
    await admin.connect();
    await admin.describeCluster();
    return true;
  })();
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  try {
    return await Promise.race([attempt, timeout]);
  } catch {
    return false;
  } finally {
    admin.disconnect().catch(() => undefined);
  }
}
