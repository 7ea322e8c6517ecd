import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
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
  // The machine's memory makes single runs vary by ±15 %: report the median of three fresh
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
  return runs[0]!.map((first) => median(runs.map((r) => r.find((x) => x.name === first.name)!)));
}

const RUNS = 3;

function median(results: BenchResult[]): BenchResult {
  const sorted = [...results].sort((x, y) => x.value - y.value);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  const spread = `median of ${sorted.length} runs (${sorted.map((r) => r.value.toLocaleString('en-US')).join(' / ')})`;
  return { ...mid, note: `${spread}; ${mid.note ?? ''}` };
}

async function persistenceBench(): Promise<BenchResult[]> {
  try {
    const mod = (await import('./persistence.bench.ts')) as {
      runPersistenceBench(): Promise<BenchResult[]>;
    };
    return await mod.runPersistenceBench();
  } catch (e) {
    return [
      {
        name: 'persistence (Chromium)',
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
    const verdict = r.pass === undefined ? '' : r.pass ? 'PASS' : 'MISS';
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

// `npm run bench -- engine` or `-- persistence` runs one part.
const part = process.argv[2];
const results = [
  ...(part !== 'persistence' ? await engineBench() : []),
  ...(part !== 'engine' ? await persistenceBench() : []),
];
print(results);
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/latest.json`, JSON.stringify(results, null, 2));
