import type { Message } from '../state/network.ts';

/** What orders a message on the wire: when it is due, then the order it was queued in. */
export interface Due {
  dueAt: number;
  seq: number;
}

/**
 * Messages in flight as a binary heap ordered by (dueAt, seq). The heap array is the one the
 * state holds, so a snapshot sees the live queue. The two keys are copied into dense number
 * arrays beside it: a pop compares about two dozen keys, and reading them from messages
 * scattered over the heap cost more than all the rest of a delivery's bookkeeping.
 */
export class MessageHeap<M extends Due = Message> {
  private due: number[] = [];
  private seq: number[] = [];

  constructor(readonly items: M[]) {
    for (const m of items) {
      this.due.push(m.dueAt);
      this.seq.push(m.seq);
    }
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get length(): number {
    return this.items.length;
  }

  peek(): M | undefined {
    return this.items[0];
  }

  push(m: M) {
    this.items.push(m);
    this.due.push(m.dueAt);
    this.seq.push(m.seq);
    this.up(this.items.length - 1);
  }

  pop(): M | undefined {
    const { items, due, seq } = this;
    if (!items.length) return undefined;
    const top = items[0]!;
    const lastItem = items.pop()!;
    const lastDue = due.pop()!;
    const lastSeq = seq.pop()!;
    if (items.length) {
      items[0] = lastItem;
      due[0] = lastDue;
      seq[0] = lastSeq;
      this.down(0);
    }
    return top;
  }

  private up(pos: number) {
    const { items, due, seq } = this;
    const item = items[pos]!;
    const d = due[pos]!;
    const s = seq[pos]!;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!before(d, s, due[parent]!, seq[parent]!)) break;
      this.place(pos, items[parent]!, due[parent]!, seq[parent]!);
      pos = parent;
    }
    this.place(pos, item, d, s);
  }

  private down(pos: number) {
    const { items, due, seq } = this;
    const n = items.length;
    const item = items[pos]!;
    const d = due[pos]!;
    const s = seq[pos]!;
    while (pos < n >> 1) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < n && before(due[right]!, seq[right]!, due[child]!, seq[child]!)) child = right;
      if (!before(due[child]!, seq[child]!, d, s)) break;
      this.place(pos, items[child]!, due[child]!, seq[child]!);
      pos = child;
    }
    this.place(pos, item, d, s);
  }

  private place(pos: number, item: M, d: number, s: number) {
    this.items[pos] = item;
    this.due[pos] = d;
    this.seq[pos] = s;
  }
}

const before = (d1: number, s1: number, d2: number, s2: number) =>
  d1 < d2 || (d1 === d2 && s1 < s2);
