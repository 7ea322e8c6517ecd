import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { engineThroughput } from './engine.bench.ts';

// Profiles the engine benchmark's timed window only (setup and the checker left out): CPU by
// default, allocation sites with `--alloc`. A same-thread inspector session answers
// synchronously, so start and stop sit exactly around the window.
const alloc = process.argv.includes('--alloc');
const out =
  process.argv.find((a) => a.endsWith('profile')) ??
  `bench-results/engine.${alloc ? 'heapprofile' : 'cpuprofile'}`;
const session = new Session();
session.connect();
let profile: unknown;
const keep = (err: Error | null, res: { profile: unknown }) => {
  if (err) throw err;
  profile = res.profile;
};
const window = alloc
  ? {
      start: () =>
        session.post('HeapProfiler.startSampling', {
          samplingInterval: 256,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        }),
      stop: () => session.post('HeapProfiler.stopSampling', keep),
    }
  : {
      start: () => {
        session.post('Profiler.enable');
        session.post('Profiler.setSamplingInterval', { interval: 100 });
        session.post('Profiler.start');
      },
      stop: () => session.post('Profiler.stop', keep),
    };
const records = Number(process.env.RECORDS ?? 10_000);
// Warm, as the benchmark's rows are (warmed.ts): two runs first, each on a world of its own.
engineThroughput(records, 100_000);
engineThroughput(records, 100_000);
const [r] = engineThroughput(records, 100_000, window);
writeFileSync(out, JSON.stringify(profile));
process.stdout.write(`${r!.value} updates/s (profiled); profile in ${out}\n`);
