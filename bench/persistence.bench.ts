import { loadavg } from 'node:os';
import { openBenchPages } from './chromiumPage.ts';
import type { PersistenceFigures } from './persistence-page.ts';
import type { BenchResult } from './result.ts';

const round = (x: number) => Math.round(x * 100) / 100;

function row(
  name: string,
  value: number,
  unit: string,
  baseline: number,
  extra: { target?: string; pass?: boolean; note?: string } = {},
): BenchResult {
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: baseline ? round(value / baseline) : 0,
    ...extra,
  };
}

/** Serves bench/persistence.html through Vite's dev server and reads its figures in Chromium. */
export async function runPersistenceBench(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const r = await pages.run<PersistenceFigures>('bench/persistence.html');
    const a = r.autosave;
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(a.log));
    const what = `${r.records} records (${r.shares} PNRCs), ${r.inFlight} in flight`;
    const load = `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} (1 / 5 / 15 min) at the end`;
    return [
      row(
        `persistence: save (full checkpoint, ${what}, ${r.rows} rows) vs bulkPut of the records`,
        r.saveMs,
        'ms',
        r.bulkPutMs,
        { target: '≤ 1×', pass: r.saveMs <= r.bulkPutMs },
      ),
      row(
        `persistence: restore (open + replay, ${what}) vs reading the records`,
        r.restoreMs,
        'ms',
        r.bulkGetMs,
        { target: '≤ 2×', pass: r.restoreMs <= 2 * r.bulkGetMs },
      ),
      row(
        'persistence: full save, main-thread part (rows + IndexedDB clone) vs snapshot()',
        r.saveMainMs,
        'ms',
        r.snapshotMs,
        {
          note: `first save of a sandbox not opened from the store, after an error, another tab; its longest task ${round(r.saveBlockMs)} ms`,
        },
      ),
      row(
        'checkpoint: incremental, nothing dirty (core and rev) vs full save main-thread time',
        r.idleBlockMs,
        'ms',
        r.saveMainMs,
        { note: 'the floor every autosave checkpoint pays on the main thread' },
      ),
      row(
        'checkpoint: incremental after a burst that touched every record, longest task vs full save main-thread time',
        r.burstBlockMs,
        'ms',
        r.saveMainMs,
        {
          note: `the longest task: taking the rows, or a slice of the write (frozen rows are put a few ms a task); whole write ${round(r.burstMs)} ms`,
        },
      ),
      row(
        `autosave: longest checkpoint main-thread block while the simulation runs (${what}, updates flowing) vs full save main-thread time`,
        a.maxCheckpointCopyMs,
        'ms',
        r.saveMainMs,
        {
          // An incremental checkpoint must block far less than a full save, and fit in a frame.
          target: '≤ 0.5× and ≤ 16 ms',
          pass: a.maxCheckpointCopyMs <= 0.5 * r.saveMainMs && a.maxCheckpointCopyMs <= 16,
          note: `the longest task of a checkpoint: taking the rows plus the first puts' clones, or a later slice of puts (longest slice ${round(a.maxSliceMs)} ms); ${a.fullCheckpoints} full checkpoints, ${round(a.rowsPerCheckpoint)} rows per checkpoint (full: ${r.rows}); ${load}`,
        },
      ),
      row(
        'autosave: longest long task vs the same run without autosave',
        a.longestLongTaskMs,
        'ms',
        a.baselineLongestLongTaskMs,
        {
          note: 'tasks over 50 ms only (the Long Tasks API threshold)',
        },
      ),
      row(
        `autosave: longest frame gap while playing (${what}, updates flowing) vs the same run without autosave`,
        a.longestFrameGapMs,
        'ms',
        a.baselineLongestFrameGapMs,
        {
          target: '≤ 1.25×',
          pass: a.longestFrameGapMs <= 1.25 * a.baselineLongestFrameGapMs,
          note: load,
        },
      ),
      row(
        `autosave: longest frame gap vs the median frame, playing with autosave (${what}, updates flowing)`,
        a.longestFrameGapMs,
        'ms',
        a.medianFrameMs,
        { target: '≤ 3×', pass: a.longestFrameGapMs <= 3 * a.medianFrameMs, note: load },
      ),
      row(
        'autosave: mean checkpoint transaction vs bulkPut of the records',
        a.meanCheckpointMs,
        'ms',
        r.bulkPutMs,
      ),
      row(
        'autosave: write transactions/s vs whole-table bulkPuts/s',
        a.transactionsPerSec,
        '/s',
        1000 / r.bulkPutMs,
        {
          note: `${a.checkpoints} checkpoints, ${a.journalWrites} journal writes, ${a.delivered} messages delivered in ${a.seconds} s`,
        },
      ),
    ];
  } finally {
    await pages.close();
  }
}
