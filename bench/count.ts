import { spawn, spawnSync } from 'node:child_process';
import { build } from 'vite';

// `npm run bench:count`: counts instead of timing. Runs the engine benchmark under cachegrind
// twice, with its timed window and without, and prints the difference per update:
// instructions, first-level data-cache misses and last-level misses (collections included).
// Unlike a timing, the counts barely move with the machine's neighbours, so two versions
// can be compared one run each. Needs valgrind (`apt-get install -y valgrind`); about 3 minutes.
const OUT = 'bench-results/count';
const UPDATES = 100_000;

if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write('bench:count needs valgrind: apt-get install -y valgrind\n');
  process.exit(1);
}
await build({
  logLevel: 'warn',
  build: { ssr: 'bench/count-entry.ts', outDir: OUT, emptyOutDir: true, minify: true },
});

const arch = () => (process.arch === 'arm64' ? 'aarch64' : 'x86_64');

interface Counts {
  instructions: number;
  d1Misses: number;
  llMisses: number;
}

function count(window: boolean): Promise<Counts> {
  const args = [
    '--tool=cachegrind',
    '--cache-sim=yes',
    // V8 rewrites its own code; without this, cachegrind runs stale translations.
    '--smc-check=all-non-file',
    `--cachegrind-out-file=${OUT}/cachegrind.${window ? 'window' : 'world'}.out`,
    process.execPath,
    // One thread, so collections run where cachegrind counts them; fixed seeds, so string
    // hashes (and with them every hash table's layout) are the same from run to run.
    '--single-threaded',
    '--predictable',
    '--hash-seed=1',
    '--random-seed=1',
    '--expose-gc',
    `${OUT}/count-entry.js`,
  ];
  return new Promise((resolve, reject) => {
    // Without address randomisation, so the simulated caches see the same addresses too.
    const p = spawn('setarch', [arch(), '-R', 'valgrind', ...args], {
      env: { ...process.env, WINDOW: window ? '1' : '0' },
    });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => {
      const read = (label: string) => {
        const m = new RegExp(`${label}:\\s+([\\d,]+)`).exec(err);
        if (!m) throw new Error(`no "${label}" in cachegrind's output (exit ${code}):\n${err}`);
        return Number(m[1]!.replaceAll(',', ''));
      };
      try {
        resolve({
          instructions: read('I\\s+refs'),
          d1Misses: read('D1\\s+misses'),
          llMisses: read('LL misses'),
        });
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

// The machine has two cores: both runs at once.
const [all, none] = await Promise.all([count(true), count(false)]);
const per = (k: keyof Counts) => (all[k] - none[k]) / UPDATES;
const rows = [
  ['instructions', per('instructions')],
  ['L1 data misses', per('d1Misses')],
  ['last-level misses', per('llMisses')],
] as const;
for (const [name, value] of rows)
  process.stdout.write(`${name.padEnd(20)} ${value.toFixed(1).padStart(10)} per update\n`);
for (const [name, value] of rows)
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: `engine window: ${name} per update`, value: Math.round(value), unit: 'per update' })}\n`,
  );
