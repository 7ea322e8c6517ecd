/**
 * A probe, not a bench row: what a checkpoint's rows cost to clone with 10,000 shared records
 * and about 1,000 messages in flight, and what posting the same rows to a Worker would cost
 * the main thread (postMessage clones synchronously too). `node --import tsx bench/checkpointProbe.ts`
 */
import { loadavg } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { takeCheckpoint } from '../src/persistence/checkpoint.ts';
import { sharedWorld } from './engine.bench.ts';

const { s, pairs } = sharedWorld(10_000, 0);
// About 1,000 updates on the wire.
for (let i = 0; i < 1000; i++) {
  const [id] = pairs[(i * 7) % pairs.length]!;
  const orgs = s.orgs();
  s.dispatch({
    type: 'record.update',
    org: orgs[0]!.id,
    as: orgs[0]!.adminId,
    id,
    values: { Phone: `555-${i}` },
  });
}
const { data } = takeCheckpoint(s.sandbox, {});
const kinds = new Map<string, { n: number; clone: number[]; post: number[] }>();
const { port1, port2 } = new MessageChannel();
port2.on('message', () => {});
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
for (let round = 0; round < 5; round++)
  for (const p of data.parts) {
    const kind = p.part.split(':')[0]!;
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { n: 0, clone: [], post: [] }));
    if (round === 0) k.n++;
    k.clone.push(time(() => structuredClone(p.data)));
    k.post.push(time(() => port1.postMessage(p.data)));
  }
port1.close();
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(2);
console.log(
  `in flight: ${s.inFlight().length}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')}`,
);
for (const [kind, k] of kinds)
  console.log(
    `${kind.padEnd(5)} rows ${String(k.n).padStart(3)}  median clone ${med(k.clone)} ms, postMessage ${med(k.post)} ms (per row)`,
  );
