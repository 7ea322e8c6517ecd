/**
 * Tick labels of the sync-lag chart, each with its unit: virtual time in seconds, lag in
 * milliseconds, or in seconds once the scale reaches them (so "1.5 s", not "1500").
 */
export function timeTicks(splits: readonly number[]): string[] {
  return splits.map((v) => `${trim(v)} s`);
}

export function lagTicks(splits: readonly number[]): string[] {
  const top = Math.max(0, ...splits);
  return splits.map((v) => (top >= 2000 ? `${trim(v / 1000)} s` : `${trim(v)} ms`));
}

/** A tick value without float noise (0.30000000000000004 → 0.3). */
function trim(v: number): string {
  return String(Number(v.toPrecision(6)));
}
