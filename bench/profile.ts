import { spawnSync } from 'node:child_process';
import { build } from 'vite';

// `npm run bench:profile [-- --alloc]`: builds the engine benchmark like `npm run bench` does
// and records a CPU (or allocation) profile of its timed window, to open in Chrome DevTools.
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
