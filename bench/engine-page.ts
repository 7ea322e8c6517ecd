import { columnarFloor } from './columnar.bench.ts';
import { engineThroughput } from './engine.bench.ts';
import { dataModelFloor } from './floor.bench.ts';
import { warmed } from './warmed.ts';

// The engine benchmark where the app runs it: in Chromium. Heap figures stay with the Node
// run, which can force collections.
setTimeout(() => {
  try {
    window.__benchResult = [
      ...warmed(() => engineThroughput()),
      ...warmed(() => dataModelFloor()),
      ...warmed(() => columnarFloor()),
    ];
  } catch (e) {
    window.__benchResult = { error: `${(e as Error).message}\n${(e as Error).stack}` };
  }
});
