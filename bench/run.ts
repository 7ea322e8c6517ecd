import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { openBenchPages } from './chromiumPage.ts';
import { runPersistenceBench } from './persistence.bench.ts';
import { runWorkspaceBench } from './workspace.bench.ts';
import { runCanvasBench } from './canvas.bench.ts';
import { runBulkBench } from './bulk.bench.ts';
import { runFirstVisitBench } from './firstVisit.bench.ts';
import { runStageBench } from './stage.bench.ts';
import { runAppBench } from './app.bench.ts';
import type { BenchResult } from './result.ts';

const OUT = 'bench-results';

/** Bundles the engine benchmark like production code (no test transpiler) and runs it. */
async function engineBench(): Promise<BenchResult[]> {
  await build({
    logLevel: 'warn',
    build: {
      ssr: 'bench/engine-entry.ts',
      outDir: `${OUT}/engine`,
      emptyOutDir: true,
      minify: true,
    },
  });
  // The machine's memory makes single runs vary by ±15 %: report the median of five fresh
  // processes, with the spread in the note.
  const runs: BenchResult[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(process.execPath, ['--expose-gc', `${OUT}/engine/engine-entry.js`], {
      encoding: 'utf8',
      maxBuffer: 16 * 2 ** 20,
    });
    if (run.status !== 0) throw new Error(`engine bench failed:\n${run.stderr}`);
    runs.push(
      run.stdout
        .split('\n')
        .filter((l) => l.startsWith('BENCH '))
        .map((l) => JSON.parse(l.slice(6)) as BenchResult),
    );
  }
  return medians(runs);
}

/** The same throughput rows in Chromium, where the app runs the engine. */
async function engineInChromium(): Promise<BenchResult[]> {
  const pages = await openBenchPages();
  try {
    const runs: BenchResult[][] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await pages.run<BenchResult[]>('bench/engine.html'));
    return medians(runs).map((r) => ({ ...r, name: `${r.name} [Chromium]` }));
  } finally {
    await pages.close();
  }
}

function medians(runs: BenchResult[][]): BenchResult[] {
  return runs[0]!.map((first) => median(runs.map((r) => r.find((x) => x.name === first.name)!)));
}

const RUNS = 5;

function median(results: BenchResult[]): BenchResult {
  const sorted = [...results].sort((x, y) => x.value - y.value);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const spread = `median of ${sorted.length} processes (${sorted.map((r) => r.value.toLocaleString('en-US')).join(' / ')})`;
  return { ...mid, note: `${spread}; ${mid.note ?? ''}` };
}

/** A part that cannot run (no Chromium, say) shows as one failed row instead of stopping the rest. */
async function orFailed(name: string, part: () => Promise<BenchResult[]>): Promise<BenchResult[]> {
  try {
    return await part();
  } catch (e) {
    return [
      {
        name,
        value: NaN,
        unit: '',
        baseline: NaN,
        ratio: NaN,
        pass: false,
        note: `did not run: ${(e as Error).message}`,
      },
    ];
  }
}

function print(results: BenchResult[]) {
  for (const r of results) {
    // PASS/FAIL judge ratios only: absolute figures on a shared machine move by a third.
    const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL';
    console.log(
      `\n${r.name}\n  ${r.value.toLocaleString('en-US')} ${r.unit}   baseline ${(r.baseline ?? NaN).toLocaleString('en-US')}   ratio ${(r.ratio ?? NaN).toFixed(2)}×   ${r.target ? `target ${r.target}` : ''} ${verdict}`,
    );
    if (r.note) console.log(`  ${r.note}`);
  }
  console.log('\nJSON lines:');
  for (const r of results)
    console.log(
      JSON.stringify({
        name: r.name,
        value: r.value,
        unit: r.unit,
        baseline: r.baseline,
        ratio: r.ratio,
      }),
    );
}

// `npm run bench -- engine`, `-- persistence`, `-- workspace`, `-- canvas`, `-- bulk`,
// `-- first-visit`, `-- stage` or `-- app` runs one part.
const part = process.argv[2];
// What else the machine was doing: the figures taken later also carry the bench's own load.
const loadAtStart = loadavg()
  .map((x) => x.toFixed(2))
  .join(' / ');
const wants = (name: string) => !part || part === name;
const results = [
  ...(wants('engine') ? await engineBench() : []),
  ...(wants('engine') ? await orFailed('engine (Chromium)', engineInChromium) : []),
  ...(wants('persistence') ? await orFailed('persistence (Chromium)', runPersistenceBench) : []),
  ...(wants('workspace') ? await orFailed('workspace (Chromium)', runWorkspaceBench) : []),
  ...(wants('canvas') ? await orFailed('canvas (Chromium)', runCanvasBench) : []),
  ...(wants('bulk') ? await orFailed('bulk forward (Chromium)', runBulkBench) : []),
  ...(wants('first-visit') ? await orFailed('first visit (Chromium)', runFirstVisitBench) : []),
  ...(wants('stage') ? await orFailed('stage (Chromium)', runStageBench) : []),
  ...(wants('app') ? await orFailed('app at scale (Chromium)', runAppBench) : []),
];
console.log(`load average before the bench (1 / 5 / 15 min): ${loadAtStart}`);
print(results);
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/latest.json`, JSON.stringify(results, null, 2));
