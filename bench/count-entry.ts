import { runUpdates, sharedWorld, updateCommands } from './engine.bench.ts';
import { settleHeap } from './settleHeap.ts';

// The engine benchmark for `npm run bench:count`: one untimed run to compile the engine,
// as the benchmark's warm rows have, then a fresh world, its commands and its window. With
// WINDOW=0 it stops before that window, so the difference of two runs is the window alone;
// it exits as the window closes, so the checker's pass over the log is not counted either.
function world() {
  const { s, A, B, pairs, plan } = sharedWorld(10_000, 100_000);
  return { s, commands: updateCommands(A, B, pairs, plan) };
}
function warmUp(): void {
  const w = world();
  runUpdates(w.s, w.commands);
}
// In a function, so nothing keeps its world alive through the counted window.
warmUp();
const { s, commands } = world();
settleHeap();
if (process.env.WINDOW !== '0') runUpdates(s, commands);
process.exit(0);
