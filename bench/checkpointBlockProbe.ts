/**
 * A probe, not a bench row: the main-thread block of incremental checkpoints as one task
 * (taking the rows plus the structured clone IndexedDB's put makes of every row; the store
 * spreads the frozen rows' clones over later tasks, see `biggest row`) with 10,000 shared records and about 1,000
 * messages in flight, while deliveries and a few edits happen between checkpoints; against a
 * full checkpoint's block. Repeated, so a loaded machine shows in the spread rather than in
 * one figure. `node --import tsx bench/checkpointBlockProbe.ts`
 */
import { loadavg } from 'node:os';
import { takeCheckpoint } from '../src/persistence/checkpoint.ts';
import { sharedWorld } from './engine.bench.ts';

const { s, pairs } = sharedWorld(10_000, 0);
const [acme] = s.orgs();
const edit = (i: number) =>
  s.dispatch({
    type: 'record.update',
    org: acme!.id,
    as: acme!.adminId,
    id: pairs[(i * 7) % pairs.length]![0],
    values: { Phone: `555-${i}` },
  });
for (let i = 0; i < 1000; i++) edit(i);
const f = (x: number) => x.toFixed(1);
let biggestRow = 0;
let take = 0;
const block = (f: () => { data: { parts: { part: string; data: unknown }[] } }) => {
  const t0 = performance.now();
  const cp = f();
  take = Math.max(take, performance.now() - t0);
  for (const p of cp.data.parts) {
    const t1 = performance.now();
    structuredClone(p.data);
    biggestRow = Math.max(biggestRow, performance.now() - t1);
  }
  return [performance.now() - t0, cp] as const;
};
s.sandbox.takeDirty();
const full: number[] = [];
let base = takeCheckpoint(s.sandbox).layout;
for (let k = 0; k < 3; k++) {
  const [ms, cp] = block(() => takeCheckpoint(s.sandbox));
  full.push(ms);
  base = (cp as ReturnType<typeof takeCheckpoint>).layout;
}
s.sandbox.takeDirty();
take = 0;
biggestRow = 0;
const inc: number[] = [];
const rows: number[] = [];
const first = Math.min(...s.inFlight().map((m) => m.dueAt));
s.sandbox.advance(first - s.now);
for (let k = 0; k < 20; k++) {
  // About 50 deliveries and 5 edits between checkpoints.
  const target = s.inFlight().length - 50;
  while (s.inFlight().length > Math.max(target, 0) && s.inFlight().length) s.sandbox.advance(1);
  for (let e = 0; e < 5; e++) edit(2000 + k * 5 + e);
  const [ms, cp] = block(() => takeCheckpoint(s.sandbox, { base, dirty: s.sandbox.takeDirty() }));
  base = (cp as ReturnType<typeof takeCheckpoint>).layout;
  if (process.env.PROBE_VERBOSE)
    console.log(
      cp.data.parts
        .map((p) => {
          const t0 = performance.now();
          structuredClone(p.data);
          return `${p.part} ${f(performance.now() - t0)}`;
        })
        .join(', '),
    );
  inc.push(ms);
  rows.push(cp.data.parts.length);
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `full block median ${f(med(full))} ms; incremental block median ${f(med(inc))} ms, max ${f(Math.max(...inc))} ms (ratio of max to full ${(Math.max(...inc) / med(full)).toFixed(3)}), rows median ${med(rows)}; incremental: longest take ${f(take)} ms, biggest row's clone ${f(biggestRow)} ms; in flight at the end ${s.inFlight().length}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')}`,
);
