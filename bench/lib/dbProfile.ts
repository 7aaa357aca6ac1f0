import type { MongoClient } from 'mongodb';

export interface CommandCost {
  command: string;
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * Time every database command a process sends (driver command monitoring, switched on with
 * `monitorCommands=true` in the URL): where a process waits on the database, by command and collection.
 */
export function profileCommands(client: MongoClient) {
  const costs = new Map<string, CommandCost>();
  const started = new Map<number, { key: string; at: number }>();
  client.on('commandStarted', (e) => {
    const target = (e.command as Record<string, unknown>)[e.commandName];
    const statements = (e.command as { updates?: unknown[]; deletes?: unknown[] }).updates?.length ?? (e.command as { deletes?: unknown[] }).deletes?.length;
    started.set(e.requestId, { key: `${typeof target === 'string' ? `${e.commandName} ${target}` : e.commandName}${statements && statements > 1 ? ' (bulk)' : ''}`, at: performance.now() });
  });
  const done = (e: { requestId: number; duration: number }) => {
    const key = started.get(e.requestId)?.key;
    started.delete(e.requestId);
    if (!key) return;
    const c = costs.get(key) ?? { command: key, count: 0, totalMs: 0, maxMs: 0 };
    c.count++;
    c.totalMs += e.duration;
    c.maxMs = Math.max(c.maxMs, e.duration);
    costs.set(key, c);
  };
  client.on('commandSucceeded', done);
  client.on('commandFailed', done);
  return {
    /**
     * The costliest commands since the last call, then start again. Commands still waiting for their answer
     * are included as "(still running)" with the time they have waited so far: a relay stuck in one long
     * update must show up even though the update has not finished.
     */
    take(top = 8): CommandCost[] {
      const t = performance.now();
      const running = new Map<string, CommandCost>();
      for (const { key, at } of started.values()) {
        const name = `${key} (still running)`;
        const c = running.get(name) ?? { command: name, count: 0, totalMs: 0, maxMs: 0 };
        c.count++;
        c.totalMs += t - at;
        c.maxMs = Math.max(c.maxMs, t - at);
        running.set(name, c);
      }
      const list = [...costs.values(), ...running.values()].sort((a, b) => b.totalMs - a.totalMs).slice(0, top).map((c) => ({ ...c, totalMs: Math.round(c.totalMs), maxMs: Math.round(c.maxMs) }));
      costs.clear();
      // Running commands are counted again (in full) when they finish.
      return list;
    },
  };
}

/** The same URL with command monitoring switched on. */
export function monitored(url: string): string {
  return `${url}${url.includes('?') ? '&' : url.endsWith('/') ? '?' : '/?'}monitorCommands=true`;
}
