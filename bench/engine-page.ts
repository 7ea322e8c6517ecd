import { columnarFloor } from './columnar.bench.ts';
import { engineThroughput } from './engine.bench.ts';
import { dataModelFloor } from './floor.bench.ts';
import { warmed } from './warmed.ts';

// The engine benchmark where the app runs it: in Chromium. Heap figures stay with the Node
// run, which can force collections.
// With `?profile`, only the engine row runs, warm (third run), and its timed window is profiled.
const profiled = {
  start: () => console.profile('engine'),
  stop: () => console.profileEnd('engine'),
};

setTimeout(() => {
  try {
    if (location.search.includes('profile')) {
      // Warmed as the rows are (warmed.ts): the second run still runs partly on Maglev's code.
      engineThroughput();
      engineThroughput();
      window.__benchResult = engineThroughput(10_000, 100_000, profiled);
      return;
    }
    window.__benchResult = [
      ...warmed(() => engineThroughput()),
      ...warmed(() => dataModelFloor()),
      ...warmed(() => columnarFloor()),
    ];
  } catch (e) {
    window.__benchResult = { error: `${(e as Error).message}\n${(e as Error).stack}` };
  }
});
