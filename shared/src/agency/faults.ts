/**
 * Fault points for the crash tests: with CONVENE_FAULT=<point> outside production, the process kills itself
 * with SIGKILL when it reaches that point, exactly as a power cut would.
 */
export type FaultPoint = 'crash-after-append';

export function faultPoint(point: FaultPoint): void {
  if (process.env.NODE_ENV === 'production') return;
  if (process.env.CONVENE_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
