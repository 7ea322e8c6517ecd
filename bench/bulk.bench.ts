import { loadavg } from 'node:os';
import { openBenchPages } from './chromiumPage.ts';
import type { BulkFigures } from './bulk-page.ts';
import type { BenchResult } from './result.ts';

const round = (x: number) => Math.round(x * 10) / 10;
/** The bar: a bulk forward while playing never blocks the page longer than this. */
const LIMIT_MS = 50;

/** Longest frame and task while the play loop delivers a 10,000-record forward at 10×. */
export async function runBulkBench(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const load = loadavg()[0]!;
    const f = await pages.run<BulkFigures>('bench/bulk.html');
    const what = `bulk forward of ${f.records.toLocaleString('en-US')} Accounts while playing at 10×`;
    const note = `${f.frames} frames, ${round(f.virtualMs / 1000)} s of virtual time; idle frame ${round(f.idleFrameMs)} ms (longest idle ${round(f.idleLongestFrameMs)} ms); longest forward slice ${round(f.longestSliceMs)} ms; longest view rebuild ${round(f.longestViewMs)} ms; the same forward as one command blocks ${round(f.wholeCommandMs)} ms, which is why the Forward dialog sends it a slice a frame; machine load average ${load.toFixed(1)} at the start (frames stretch when other processes share the cores)`;
    return [
      {
        name: `${what}: longest frame [Chromium]`,
        value: round(f.longestFrameMs),
        unit: 'ms',
        baseline: round(f.idleFrameMs),
        ratio: round(f.longestFrameMs / f.idleFrameMs),
        target: `≤ ${LIMIT_MS} ms`,
        pass: f.longestFrameMs <= LIMIT_MS,
        note,
      },
      {
        name: `${what}: longest main-thread task [Chromium]`,
        value: round(f.longestTaskMs),
        unit: 'ms',
        baseline: round(f.idleFrameMs),
        ratio: round(f.longestTaskMs / f.idleFrameMs),
        target: `≤ ${LIMIT_MS} ms`,
        pass: f.longestTaskMs <= LIMIT_MS,
        note: 'long tasks (over 50 ms) reported by the page; 0 when there was none',
      },
    ];
  } finally {
    await pages.close();
  }
}
