import type { BenchResult } from './result.ts';

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * Runs a throughput benchmark on fresh worlds until the compiler has settled, and reports the
 * median of the last `timed` runs: the app runs warm after its first minute.
 * - The first run also pays for compiling the engine.
 * - The second is still partly warming up in Chromium: building a new world deoptimizes code
 *   that held on to the last one, and Maglev's code runs until TurboFan's replaces it. With
 *   `--no-maglev` the second run is as fast as the ones after it (docs/engine-performance.md).
 * The note keeps both figures.
 */
export function warmed(run: () => BenchResult[], timed = 3): BenchResult[] {
  const cold = run();
  // Each world is garbage once its run ends; collecting it here keeps it out of the next one.
  gc();
  const second = run();
  gc();
  const runs: BenchResult[][] = [];
  for (let i = 0; i < timed; i++) {
    runs.push(run());
    gc();
  }
  const fmt = (r: BenchResult) => `${r.value.toLocaleString('en-US')} ${r.unit}`;
  return cold.map((first, i) => {
    const sorted = runs.map((r) => r[i]!).sort((x, y) => x.value - y.value);
    const mid = sorted[Math.floor(sorted.length / 2)]!;
    return {
      ...mid,
      note: `${mid.note ?? ''}; warm runs ${sorted.map((r) => r.value.toLocaleString('en-US')).join(' / ')}; cold (first) run ${fmt(first)}; second run ${fmt(second[i]!)}`,
    };
  });
}
