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
      const pd = due[parent]!;
      if (pd < d || (pd === d && seq[parent]! < s)) break;
      items[pos] = items[parent]!;
      due[pos] = pd;
      seq[pos] = seq[parent]!;
      pos = parent;
    }
    items[pos] = item;
    due[pos] = d;
    seq[pos] = s;
  }

  private down(pos: number) {
    const { items, due, seq } = this;
    const n = items.length;
    const half = n >> 1;
    const item = items[pos]!;
    const d = due[pos]!;
    const s = seq[pos]!;
    while (pos < half) {
      let best = 2 * pos + 1;
      const right = best + 1;
      if (
        right < n &&
        (due[right]! < due[best]! || (due[right] === due[best] && seq[right]! < seq[best]!))
      )
        best = right;
      const bd = due[best]!;
      if (d < bd || (d === bd && s < seq[best]!)) break;
      items[pos] = items[best]!;
      due[pos] = bd;
      seq[pos] = seq[best]!;
      pos = best;
    }
    items[pos] = item;
    due[pos] = d;
    seq[pos] = s;
  }
}
