import { runUpdates, sharedWorld, updateCommands } from './engine.bench.ts';
import { settleHeap } from './settleHeap.ts';

// The engine benchmark's world, commands and window, for `npm run bench:count`. With
// WINDOW=0 it stops before the window, so the difference of two runs is the window alone;
// it exits as the window closes, so the checker's pass over the log is not counted either.
const { s, A, B, pairs, plan } = sharedWorld(10_000, 100_000);
const commands = updateCommands(A, B, pairs, plan);
settleHeap();
if (process.env.WINDOW !== '0') runUpdates(s, commands);
process.exit(0);
