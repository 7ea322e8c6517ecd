import TinyQueue from 'tinyqueue';
import type { Message } from '../state/network.ts';

// One comparison for every queue: one made per queue would be a new function per sandbox, and
// the heap's code, compiled to call the last one, was thrown away with each new sandbox.
const earlier = (a: number, b: number) => a - b;

export const byDue = (a: Message, b: Message) => a.dueAt - b.dueAt || a.seq - b.seq;

/**
 * Messages due at one time, in queue order, read from `next` on. A FIFO wire gives a burst's
 * messages the due time of the slowest before them, so a bucket can hold hundreds: taking
 * them with `shift()` moved the array's start each time (V8's left-trim, in C++).
 */
interface Bucket {
  messages: Message[];
  next: number;
}

/**
 * Messages in flight in delivery order: by due time, then by the order they were queued.
 * Messages due at the same time wait in one bucket in queue order, so the heap holds only
 * distinct due times, plain numbers. A heap of the messages themselves read two messages per
 * comparison, and with thousands in flight those reads were cache misses.
 */
export class DueQueue {
  private times = new TinyQueue<number>([], earlier);
  private readonly buckets = new Map<number, Bucket>();
  length = 0;

  /** Takes messages in any order (a saved heap, say). */
  constructor(messages: readonly Message[] = []) {
    for (const m of [...messages].sort(byDue)) this.push(m);
  }

  /** Queues a message; its `seq` must be the highest yet, as the network hands them out. */
  push(m: Message) {
    let bucket = this.buckets.get(m.dueAt);
    if (!bucket) {
      this.buckets.set(m.dueAt, (bucket = { messages: [], next: 0 }));
      this.times.push(m.dueAt);
    }
    bucket.messages.push(m);
    this.length++;
  }

  peek(): Message | undefined {
    const t = this.times.peek();
    if (t === undefined) return undefined;
    const bucket = this.buckets.get(t)!;
    return bucket.messages[bucket.next];
  }

  pop(): Message | undefined {
    const t = this.times.peek();
    if (t === undefined) return undefined;
    const bucket = this.buckets.get(t)!;
    const m = bucket.messages[bucket.next++]!;
    if (bucket.next === bucket.messages.length) {
      this.buckets.delete(t);
      this.times.pop();
    }
    this.length--;
    return m;
  }

  /**
   * Takes one message out of the queue, wherever it waits (a person delivering it out of
   * turn). Rare, so a bucket left empty rebuilds the heap of times.
   */
  remove(m: Message): boolean {
    const bucket = this.buckets.get(m.dueAt);
    if (!bucket) return false;
    const i = bucket.messages.indexOf(m, bucket.next);
    if (i < 0) return false;
    bucket.messages.splice(i, 1);
    this.length--;
    if (bucket.next === bucket.messages.length) {
      this.buckets.delete(m.dueAt);
      this.times = new TinyQueue(
        this.times.data.filter((t) => t !== m.dueAt),
        earlier,
      );
    }
    return true;
  }

  /** Every message, in delivery order. */
  all(): Message[] {
    const out: Message[] = [];
    for (const t of [...this.times.data].sort((a, b) => a - b)) {
      const bucket = this.buckets.get(t)!;
      for (let i = bucket.next; i < bucket.messages.length; i++) out.push(bucket.messages[i]!);
    }
    return out;
  }

  /** Visits every message, in no particular order, copying nothing (a view drawn every frame). */
  forEach(visit: (m: Message) => void) {
    for (const bucket of this.buckets.values())
      for (let i = bucket.next; i < bucket.messages.length; i++) visit(bucket.messages[i]!);
  }
}
