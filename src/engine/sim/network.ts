import type { Channel, Message, MessageBody, NetworkState } from '../state/network.ts';
import type { LinkSettings } from '../state/settings.ts';
import type { Rng } from './rng.ts';
import { byDue, DueQueue } from './dueQueue.ts';
import { flatKey } from './flatKey.ts';

const MAX_BACKOFF_MS = 60_000;

export const linkKey = (from: string, to: string) => `${from}>${to}`;
export const channelKey = (wire: string, from: string) => `${wire}:${from}`;

export function emptyNetwork(): NetworkState {
  return { queue: [], channels: {}, links: {}, nextMessageId: 1, nextSeq: 1 };
}

/** Backoff after the n-th failed attempt: 1 s, 2 s, 4 s … capped at a minute. */
export function backoffMs(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1));
}

/** What the receiver's transport made of an arrival: the messages to hand over, in order. */
export type Arrival = readonly Message[] | 'buffered' | 'duplicateDropped';

/**
 * The simulated network: channels per connection and direction, a time-ordered queue of
 * messages in flight, and the faults a user can turn on. It knows nothing of S2S rules.
 */
export class Network {
  private heap: DueQueue;
  /** Interned keys: building "from>to" and "wire:from" per message costs more than the lookup. */
  private linkKeys = new Map<string, Map<string, string>>();
  private channelKeys = new Map<string, Map<string, string>>();
  /**
   * `arrive` hands a lone message over in this one array. Emptying a reused array instead
   * (length = 0) frees its storage, so every delivery allocated a new one.
   */
  private one: Message[] = [];

  /**
   * The channels and link keys used last. Every message looks its channel and link up three
   * times on each side; two channels carry most traffic (a connection's two directions).
   */
  private recentChannels: Channel[] = [];
  private recentLinks: { from: string; to: string; key: string }[] = [];

  private key(cache: Map<string, Map<string, string>>, a: string, b: string, sep: string): string {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new Map()));
    let k = inner.get(b);
    if (!k) inner.set(b, (k = flatKey(a + sep + b)));
    return k;
  }

  private linkKeyOf(from: string, to: string): string {
    const recent = this.recentLinks;
    for (let i = 0; i < recent.length; i++) {
      const r = recent[i]!;
      if (r.from === from && r.to === to) return r.key;
    }
    const key = this.key(this.linkKeys, from, to, '>');
    remember(recent, { from, to, key });
    return key;
  }

  constructor(
    readonly state: NetworkState,
    private rng: Rng,
    // The sandbox's state, read live: its settings are replaced whole when they change. Not a
    // closure, which would be a new function per sandbox (see LiveContext).
    private sandbox: { readonly settings: { readonly defaultLink: LinkSettings } },
  ) {
    // The queue lives here; `state.queue` is written back by `saveQueue` for a snapshot.
    this.heap = new DueQueue(state.queue);
  }

  link(from: string, to: string): LinkSettings {
    return this.state.links[this.linkKeyOf(from, to)] ?? this.sandbox.settings.defaultLink;
  }

  setLink(from: string, to: string, patch: Partial<LinkSettings>): LinkSettings {
    const next = { ...this.link(from, to), ...patch };
    this.state.links[linkKey(from, to)] = next;
    return next;
  }

  channel(wire: string, from: string, to: string): Channel {
    const recent = this.recentChannels;
    for (let i = 0; i < recent.length; i++) {
      const c = recent[i]!;
      if (c.wire === wire && c.from === from) return c;
    }
    const key = this.key(this.channelKeys, wire, from, ':');
    let ch = this.state.channels[key];
    if (!ch) {
      ch = {
        key,
        wire,
        from,
        to,
        nextSeq: 1,
        expected: 1,
        buffer: [],
        applied: [],
        held: [],
        lastDue: 0,
      };
      this.state.channels[key] = ch;
    }
    remember(recent, ch);
    return ch;
  }

  get size(): number {
    return this.heap.length;
  }

  peek(): Message | undefined {
    return this.heap.peek();
  }

  pop(): Message | undefined {
    return this.heap.pop();
  }

  /**
   * Takes a message off the wire by id to deliver it out of turn; a duplicate shares its
   * original's id, so `duplicate` picks which. Null when no such message is on the wire.
   */
  take(id: number, duplicate?: boolean): Message | null {
    let found: Message | undefined;
    for (const m of this.heap.all())
      if (m.id === id && (duplicate === undefined || m.duplicate === duplicate)) {
        found = m;
        break;
      }
    if (!found || !this.heap.remove(found)) return null;
    return found;
  }

  /** Whether a message with this id waits at its sender (link paused, receiver offline). */
  isHeld(id: number): boolean {
    for (const key in this.state.channels)
      if (this.state.channels[key]!.held.some((m) => m.id === id)) return true;
    return false;
  }

  heldCount(): number {
    let n = 0;
    for (const key in this.state.channels) n += this.state.channels[key]!.held.length;
    return n;
  }

  private latency(link: LinkSettings): number {
    return link.latencyMs + (link.jitterMs > 0 ? Math.floor(this.rng.next() * link.jitterMs) : 0);
  }

  private schedule(ch: Channel, m: Message, now: number, extraDelayMs: number) {
    const link = this.link(ch.from, ch.to);
    let due = now + this.latency(link) + extraDelayMs;
    // Without the reorder fault the wire is FIFO: nothing overtakes what was sent before it.
    if (!link.reorder && due < ch.lastDue) due = ch.lastDue;
    ch.lastDue = Math.max(ch.lastDue, due);
    m.dueAt = due;
    m.seq = this.state.nextSeq++;
    this.heap.push(m);
  }

  /** Sends a message; it is held at the sender when the link is paused or the receiver is down. */
  send(
    now: number,
    from: string,
    to: string,
    wire: string,
    body: MessageBody,
    extraDelayMs: number,
    receiverOffline: boolean,
  ): { message: Message; held: boolean } {
    const ch = this.channel(wire, from, to);
    const m: Message = {
      id: this.state.nextMessageId++,
      wire,
      from,
      to,
      chanSeq: ch.nextSeq++,
      sentAt: now,
      dueAt: now,
      attempts: 0,
      duplicate: false,
      seq: 0,
      body,
    };
    if (this.link(from, to).paused || receiverOffline) {
      m.seq = this.state.nextSeq++;
      ch.held.push(m);
      return { message: m, held: true };
    }
    this.schedule(ch, m, now, extraDelayMs);
    return { message: m, held: false };
  }

  hold(m: Message) {
    this.channel(m.wire, m.from, m.to).held.push(m);
  }

  /** Puts a channel's held messages back on the wire, in the order they were sent. */
  release(ch: Channel, now: number): number {
    const held = ch.held.sort((a, b) => a.chanSeq - b.chanSeq || a.seq - b.seq);
    ch.held = [];
    for (const m of held) {
      m.sentAt = now;
      this.schedule(ch, m, now, 0);
    }
    return held.length;
  }

  /** A failed attempt: the message stays in flight and is tried again after a backoff. */
  retry(m: Message, now: number): number {
    m.attempts++;
    m.dueAt = now + backoffMs(m.attempts);
    m.seq = this.state.nextSeq++;
    this.heap.push(m);
    return m.dueAt;
  }

  duplicate(m: Message, now: number): Message {
    const ch = this.channel(m.wire, m.from, m.to);
    const copy: Message = { ...m, duplicate: true, sentAt: now, attempts: 0 };
    const link = this.link(ch.from, ch.to);
    copy.dueAt = now + this.latency(link);
    copy.seq = this.state.nextSeq++;
    this.heap.push(copy);
    return copy;
  }

  chance(p: number): boolean {
    return p > 0 && this.rng.next() < p;
  }

  /**
   * The receiver's transport: with in-order on, early messages wait for the gap to fill;
   * with de-duplication on, a message already applied is dropped. An array of one message
   * is reused by the next call.
   */
  arrive(m: Message): Arrival {
    const ch = this.channel(m.wire, m.from, m.to);
    const link = this.link(m.from, m.to);
    const seen = m.chanSeq < ch.expected || ch.applied.includes(m.chanSeq);
    if (seen) {
      if (link.dedupe) return 'duplicateDropped';
      return this.only(m);
    }
    if (link.inOrder) {
      if (m.chanSeq !== ch.expected) {
        if (ch.buffer.some((b) => b.chanSeq === m.chanSeq)) {
          if (link.dedupe) return 'duplicateDropped';
        }
        ch.buffer.push(m);
        return 'buffered';
      }
      ch.expected++;
      if (!ch.buffer.length) return this.only(m);
      const out = [m];
      if (ch.buffer.length > 1) ch.buffer.sort((a, b) => a.chanSeq - b.chanSeq);
      while (ch.buffer.length && ch.buffer[0]!.chanSeq <= ch.expected) {
        const next = ch.buffer.shift()!;
        if (next.chanSeq === ch.expected) {
          out.push(next);
          ch.expected++;
        } else if (!link.dedupe) out.push(next);
      }
      return out;
    }
    if (m.chanSeq === ch.expected) {
      ch.expected++;
      while (ch.applied.length && ch.applied.includes(ch.expected)) {
        ch.applied.splice(ch.applied.indexOf(ch.expected), 1);
        ch.expected++;
      }
    } else ch.applied.push(m.chanSeq);
    return this.only(m);
  }

  private only(m: Message): readonly Message[] {
    this.one[0] = m;
    return this.one;
  }

  /** Writes the messages in flight into the state, in delivery order, for a snapshot. */
  saveQueue() {
    this.state.queue = this.heap.all();
  }

  /**
   * Visits every message in flight, then every held one, in no particular order and without
   * copies: for a view drawn every frame. The messages are the network's own; read, never write.
   */
  eachMessage(visit: (m: Readonly<Message>, held: boolean) => void) {
    this.heap.forEach((m) => visit(m, false));
    for (const key in this.state.channels)
      for (const m of this.state.channels[key]!.held) visit(m, true);
  }

  /**
   * Every message in flight or held, for views: each carries sentAt and dueAt, and the share
   * it is about (`shareKey`, for following one record's messages).
   */
  messages(): InFlightMessage[] {
    const all = this.heap.all().map((m) => view(m, false));
    for (const key in this.state.channels)
      for (const m of this.state.channels[key]!.held) all.push(view(m, true));
    return all.sort(byDue);
  }
}

/** A message as views see it: a copy, with whether it is held and the share it concerns. */
export type InFlightMessage = Message & { held: boolean; shareKey: string | undefined };

function view(m: Message, held: boolean): InFlightMessage {
  return { ...m, held, shareKey: 'shareKey' in m.body ? m.body.shareKey : undefined };
}

/** Keeps the two most recently used entries, newest first. */
function remember<T>(recent: T[], x: T) {
  recent.unshift(x);
  if (recent.length > 2) recent.pop();
}
