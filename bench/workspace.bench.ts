import { loadavg } from 'node:os';
import { openBenchPages } from './chromiumPage.ts';
import type { BenchResult } from './result.ts';
import type { WorkspaceFigures } from './workspace-page.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;
const TARGET = 1.5;

/** The Accounts list and one edit with 10,000 records, each against the same with 10. */
export async function runWorkspaceBench(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const { small, page, large } = await pages.run<{
      small: WorkspaceFigures;
      page: WorkspaceFigures;
      large: WorkspaceFigures;
    }>('bench/workspace.html');
    const row = (
      what: string,
      value: number,
      baseline: number,
      base: WorkspaceFigures = small,
    ): BenchResult => {
      const ratio = round(value / baseline);
      return {
        name: `workspace: ${what}, ${large.records.toLocaleString('en-US')} Accounts vs ${base.records} [Chromium]`,
        value: round(value),
        unit: 'ms',
        baseline: round(baseline),
        ratio,
        target: `≤ ${TARGET}×`,
        pass: ratio <= TARGET,
        note: `table rows rendered: ${large.rows} vs ${base.rows}; each the median of 7 batches (10 opens or 100 edits each); load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' / ')}`,
      };
    };
    return [
      row('open the Accounts list', large.openMs, small.openMs),
      row('edit one Account and re-render the list', large.editMs, small.editMs),
      row('open the Accounts list', large.openMs, page.openMs, page),
      row('edit one Account and re-render the list', large.editMs, page.editMs, page),
    ];
  } finally {
    await pages.close();
  }
}
