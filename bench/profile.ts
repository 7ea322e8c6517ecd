import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { build } from 'vite';
import { openBenchPages } from './chromiumPage.ts';

// `npm run bench:profile [-- --alloc | --chromium]`: builds the engine benchmark like
// `npm run bench` does and records a CPU (or allocation) profile of its timed window, to open
// in Chrome DevTools. `--chromium` profiles the warm run in Chromium instead of Node.
if (process.argv.includes('--chromium')) {
  const pages = await openBenchPages();
  try {
    const out = 'bench-results/engine-chromium.cpuprofile';
    const [r] = await pages.run<{ value: number }[]>('bench/engine.html?profile', (p) =>
      writeFileSync(out, JSON.stringify(p)),
    );
    process.stdout.write(`${r!.value} updates/s (profiled, Chromium); profile in ${out}\n`);
  } finally {
    await pages.close();
  }
  process.exit(0);
}
await build({
  logLevel: 'warn',
  build: {
    ssr: 'bench/profile-entry.ts',
    outDir: 'bench-results/profile',
    emptyOutDir: true,
    minify: false,
  },
});
const run = spawnSync(
  process.execPath,
  ['bench-results/profile/profile-entry.js', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
