import { openBenchPages } from './chromiumPage.ts';
import type { BenchResult } from './result.ts';
import type { WorkspaceFigures } from './workspace-page.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;
const TARGET = 1.5;

/** The Accounts list and one edit with 10,000 records, each against the same with 10. */
export async function runWorkspaceBench(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const { small, large } = await pages.run<{ small: WorkspaceFigures; large: WorkspaceFigures }>(
      'bench/workspace.html',
    );
    const row = (what: string, value: number, baseline: number): BenchResult => {
      const ratio = round(value / baseline);
      return {
        name: `workspace: ${what}, ${large.records.toLocaleString('en-US')} Accounts vs ${small.records} [Chromium]`,
        value: round(value),
        unit: 'ms',
        baseline: round(baseline),
        ratio,
        target: `≤ ${TARGET}×`,
        pass: ratio <= TARGET,
        note: `table rows rendered: ${large.rows} vs ${small.rows}; each the median of 7 batches of 10`,
      };
    };
    return [
      row('open the Accounts list', large.openMs, small.openMs),
      row('edit one Account and re-render the list', large.editMs, small.editMs),
    ];
  } finally {
    await pages.close();
  }
}
