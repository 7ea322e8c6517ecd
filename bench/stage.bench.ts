import { openBenchPages } from './chromiumPage.ts';
import type { BenchResult } from './result.ts';
import type { StageFigures } from './stage-page.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;
/** "One frame or so": a switch may take up to two frames where a re-render takes one. */
const TARGET = 2;

/** Switching the layout and opening a drawer, each against a plain re-render in the same run. */
export async function runStageBench(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const r = await pages.run<StageFigures>('bench/stage.html');
    const row = (what: string, value: number): BenchResult => {
      const ratio = round(value / r.rerenderMs);
      return {
        name: `stage: ${what} vs a plain re-render [Chromium]`,
        value: round(value),
        unit: 'ms',
        baseline: round(r.rerenderMs),
        ratio,
        target: `≤ ${TARGET}×`,
        pass: ratio <= TARGET,
        note: `from the action to the next frame with its layout done; median of ${r.tries} tries each (a frame is 16.7 ms)`,
      };
    };
    return [
      row('switch the layout (Workspaces → Split → Stage)', r.switchMs),
      row('open an org’s workspace drawer in Stage', r.drawerMs),
    ];
  } finally {
    await pages.close();
  }
}
