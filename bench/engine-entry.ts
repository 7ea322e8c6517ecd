import { columnarFloor } from './columnar.bench.ts';
import { engineMemory, engineThroughput } from './engine.bench.ts';
import { dataModelFloor } from './floor.bench.ts';
import { warmed } from './warmed.ts';

// Runs in a separate Node process on a production-like bundle, so the figures are not
// skewed by the test transpiler; prints one JSON line per result for the runner.
const results = [
  ...warmed(() => engineThroughput()),
  ...warmed(() => dataModelFloor()),
  ...warmed(() => columnarFloor()),
  ...engineMemory(),
];
for (const r of results) process.stdout.write(`BENCH ${JSON.stringify(r)}\n`);
