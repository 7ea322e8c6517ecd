import TinyQueue from 'tinyqueue';
import type { BenchResult } from './result.ts';
import { settleHeap } from './settleHeap.ts';

export interface Due {
  dueAt: number;
  seq: number;
}

/**
 * Drives a reference loop the way the engine benchmark drives the engine: one update at a
 * time, 100 ms of virtual time after every 1,000, each message due 1 s plus up to 0.4 s later
 * on a time-ordered queue, then the queue drained. `update` writes the origin side and returns
 * the message (built as one literal, with `seq` = n: spread objects made every comparison in
 * the queue slow); `deliver` writes the other side. Returns the wall-clock milliseconds taken.
 */
export function driveQueued<W extends Due>(
  updates: number,
  update: (n: number, now: number, dueAt: number) => W,
  deliver: (m: W, now: number) => void,
): number {
  const queue = new TinyQueue<W>([], (x, y) => x.dueAt - y.dueAt || x.seq - y.seq);
  let now = 0;
  let jitter = 1;
  settleHeap();
  const t0 = performance.now();
  for (let n = 0; n < updates; n++) {
    jitter = (jitter * 48271) % 2147483647;
    queue.push(update(n, now, now + 1000 + (jitter % 400)));
    if (n % 1000 === 999) {
      now += 100;
      while (queue.length && queue.peek()!.dueAt <= now) deliver(queue.pop()!, now);
    }
  }
  while (queue.length) {
    const m = queue.pop()!;
    now = m.dueAt;
    deliver(m, now);
  }
  return performance.now() - t0;
}

export function referenceResult(
  name: string,
  updates: number,
  ms: number,
  baselineMs: number,
): BenchResult[] {
  const perSecond = updates / (ms / 1000);
  const baselinePerSecond = updates / (baselineMs / 1000);
  return [
    {
      name,
      value: Math.round(perSecond),
      unit: 'updates/s',
      baseline: Math.round(baselinePerSecond),
      ratio: baselinePerSecond / perSecond,
      note: `${updates} applied in ${ms.toFixed(0)} ms; baseline ${baselineMs.toFixed(1)} ms`,
    },
  ];
}
