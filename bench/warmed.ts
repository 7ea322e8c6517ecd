import type { BenchResult } from './result.ts';

/**
 * Runs a throughput benchmark twice, each on a world of its own, and reports the second run:
 * the app runs warm after its first minute, while a first run also pays for compiling the
 * engine (about a fifth of the engine's figure here). The note keeps the cold figure.
 */
export function warmed(run: () => BenchResult[]): BenchResult[] {
  const cold = run();
  // The first world is garbage now; collecting it here keeps it out of the timed run.
  (globalThis as { gc?: () => void }).gc?.();
  return run().map((r, i) => ({
    ...r,
    note: `${r.note ?? ''}; cold (first) run ${cold[i]!.value.toLocaleString('en-US')} ${r.unit}`,
  }));
}
