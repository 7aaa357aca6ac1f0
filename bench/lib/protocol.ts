/** Messages between the bench runner and the processes it starts (over the Node IPC channel). */
export interface ProcessUsage {
  maxRssKb: number;
  userCpuMs: number;
  systemCpuMs: number;
  wallMs: number;
}

export type ToChild =
  | { type: 'call'; id: number; name: string; args: unknown }
  | { type: 'stop' };

export type FromChild =
  | { type: 'ready'; info: Record<string, unknown> }
  | { type: 'stats'; at: number; stats: Record<string, number> }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'event'; name: string; data: unknown }
  | { type: 'final'; usage: ProcessUsage }
  | { type: 'fatal'; error: string };

export function usageOf(startedAt: number, nowMs: number): ProcessUsage {
  const u = process.resourceUsage();
  return { maxRssKb: u.maxRSS, userCpuMs: Math.round(u.userCPUTime / 1000), systemCpuMs: Math.round(u.systemCPUTime / 1000), wallMs: Math.round(nowMs - startedAt) };
}
