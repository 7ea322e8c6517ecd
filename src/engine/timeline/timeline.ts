import { S2S } from '../api.ts';
import { applyJournal, type JournalEntry, type Scenario } from '../journal.ts';
import type { LogEntry } from '../sim/log.ts';
import type { SandboxState } from '../state/sandboxState.ts';

/** A point where replay may stop: after a whole command, or after one delivery. */
interface Snapshot {
  /** Log length at the snapshot. */
  at: number;
  /** Next recorded command to dispatch. */
  next: number;
  /** The state without its log; the log is `log.slice(0, at)`. */
  state: SandboxState;
  /** The log it was cut from (only ever appended to, so its prefix stays true). */
  log: LogEntry[];
}

export interface TimelineOptions {
  /** Commands of the starting scenario: `reset()` goes to just after them. */
  startCommands?: number;
  /** Events between two kept snapshots; by default a sixteenth of the run, at least 250. */
  snapshotEvery?: number;
  /** Called when a command is dispatched on a rewound sandbox: the run forks there. */
  onFork?: (fork: ForkPoint) => void;
}

/** Where a run left the recorded one. */
export interface ForkPoint {
  /** Events (log entries) the two runs share. */
  position: number;
  /** The recorded commands the new run dropped (the original's future). */
  dropped: JournalEntry[];
}

/**
 * A recorded run that can be rewound: `seek(n)` rebuilds the sandbox as it was once `n`
 * events of the log had happened, by replaying the seed and the commands at their virtual
 * times from the nearest kept snapshot (deliveries one at a time near the target); playing on
 * (`advance`) dispatches the recorded commands at their times again, so the run ends where it
 * ended before. Dispatching anything else on the rewound sandbox forks the run: the recorded
 * future is dropped and `onFork` says so. Pure engine code: no DOM, no storage.
 */
export class Timeline {
  private commands: JournalEntry[];
  private until: number;
  /** Log length of the recorded run. */
  total: number;
  private snapshots: Snapshot[] = [];
  /** Stopping point → the one before it, learnt while replaying (for stepping back). */
  private prevOf = new Map<number, number>();
  private lastAt = 0;
  private cur!: S2S;
  private next = 0;
  /** True while the timeline itself dispatches a recorded command. */
  private replaying = false;
  private unlisten: (() => void) | null = null;
  private forked = false;
  private startPosition: number | null = null;
  private readonly every: number;

  constructor(
    private readonly scenario: Scenario,
    total: number,
    private readonly opts: TimelineOptions = {},
  ) {
    this.commands = scenario.commands.map((e, index) => ({ ...e, index }));
    this.until = scenario.until ?? 0;
    this.total = total;
    this.every = opts.snapshotEvery ?? Math.max(250, Math.ceil(total / 16));
    this.restart();
  }

  /** A timeline over what a sandbox did so far; the sandbox itself is left alone. */
  static of(s2s: S2S, opts?: TimelineOptions): Timeline {
    return new Timeline(s2s.scenario(), s2s.sandbox.state.log.length, opts);
  }

  /** The rebuilt sandbox at the current position. */
  get sandbox(): S2S {
    return this.cur;
  }

  /** Events (log entries) that have happened at the current position. */
  get position(): number {
    return this.cur.sandbox.state.log.length;
  }

  /** Whether the replay has reached the end of the recorded run. */
  get atEnd(): boolean {
    return !this.forked && this.next >= this.commands.length && this.cur.now >= this.until;
  }

  /** Whether a command dispatched on the rewound sandbox has forked the run. */
  get isForked(): boolean {
    return this.forked;
  }

  /** The position just after the starting scenario's commands. */
  get start(): number {
    if (this.startPosition === null) {
      const k = Math.min(this.opts.startCommands ?? 0, this.commands.length);
      const s = S2S.create({ seed: this.scenario.seed, settings: this.scenario.settings });
      applyJournal(s.sandbox, this.commands.slice(0, k));
      this.startPosition = s.sandbox.state.log.length;
    }
    return this.startPosition;
  }

  /** Rebuilds the sandbox as it was right after `n` events (at the first whole step there). */
  seek(n: number): S2S {
    this.guard();
    const target = Math.max(0, Math.min(n, this.total));
    const snap = this.snapshotBefore(target);
    if (this.position > target || (snap && snap.at > this.position)) {
      if (snap) this.restore(snap);
      else this.restart();
    }
    while (this.position < target && this.unit(this.until)) {
      /* one step at a time, so it stops at the first whole step at or past the target */
    }
    // The last event is not the end: the run's clock went on to `until` after it.
    if (target >= this.total) while (this.unit(this.until));
    return this.cur;
  }

  /** Back to the last point before the current position where replay can stop. */
  stepBack(): S2S {
    const p = this.position;
    if (p === 0) return this.cur;
    if (!this.prevOf.has(p)) {
      // Not learnt yet: replaying up to `p - 1` passes the step that ends at `p`.
      this.seek(p - 1);
      if (this.position < p) return this.cur;
    }
    return this.seek(this.prevOf.get(p) ?? 0);
  }

  /** One recorded step forward: a delivery or a command. False at the end. */
  stepForward(): boolean {
    this.guard();
    return this.unit(this.until);
  }

  /** Back to just after the starting scenario. */
  reset(): S2S {
    return this.seek(this.start);
  }

  /**
   * Plays the recorded run on by `ms` of virtual time, at most `maxEvents` steps: deliveries
   * and the recorded commands at their times, never past the end of the run. Returns the
   * virtual milliseconds left over past the end (the live sandbox's share of this frame), or
   * null when it stopped early on `maxEvents` (virtual time then waits for the work).
   */
  advance(ms: number, maxEvents = Infinity): number | null {
    return this.advanceTo(this.cur.now + Math.max(0, ms), maxEvents);
  }

  /** `advance` to a virtual time rather than by a duration, so a frame can go in chunks. */
  advanceTo(target: number, maxEvents = Infinity): number | null {
    this.guard();
    const limit = Math.min(target, this.until);
    let n = 0;
    while (n < maxEvents && this.unit(limit)) n++;
    if (n >= maxEvents && !this.reached(limit)) return null;
    return Math.max(0, target - Math.max(this.cur.now, this.until));
  }

  /** Stops listening to the rebuilt sandbox (the session drops the timeline). */
  dispose() {
    this.unlisten?.();
    this.unlisten = null;
  }

  // ---- replay ------------------------------------------------------------------------------

  private guard() {
    if (this.forked) throw new Error('This timeline has forked; make a new one from the new run.');
  }

  /** Whether nothing recorded is left before `limit`. */
  private reached(limit: number): boolean {
    const c = this.commands[this.next];
    const due = this.cur.sandbox.network.peek();
    return (!c || c.at > limit) && (!due || due.dueAt > limit) && this.cur.now >= limit;
  }

  /**
   * One step of the recorded run up to virtual time `limit`: the next delivery due before the
   * next command, else that command, else moving the clock to `limit`. False when nothing is
   * left before `limit`. The order is the journal's replay order (`applyJournal`).
   */
  private unit(limit: number): boolean {
    const sb = this.cur.sandbox;
    const c = this.commands[this.next];
    const before = c ? Math.min(c.at, limit) : limit;
    const due = sb.network.peek();
    let moved = false;
    if (due && due.dueAt <= before) {
      sb.step();
      moved = true;
    } else if (c && c.at <= limit) {
      if (c.at > sb.now) sb.advanceTo(c.at);
      this.replaying = true;
      try {
        sb.dispatch(c.command);
      } finally {
        this.replaying = false;
      }
      this.next++;
      moved = true;
    } else if (sb.now < limit) {
      sb.advanceTo(limit);
      return false;
    }
    if (moved) this.learnt();
    return moved;
  }

  /** Notes a stopping point, and keeps a snapshot every `every` events. */
  private learnt() {
    const at = this.position;
    if (at !== this.lastAt) this.prevOf.set(at, this.lastAt);
    this.lastAt = at;
    const last = this.snapshots[this.snapshots.length - 1];
    if (at - (last?.at ?? 0) < this.every) return;
    const sb = this.cur.sandbox;
    const state = sb.currentState();
    const log = state.log;
    state.log = [];
    try {
      this.snapshots.push({ at, next: this.next, state: structuredClone(state), log });
    } finally {
      state.log = log;
    }
  }

  private snapshotBefore(target: number): Snapshot | null {
    let best: Snapshot | null = null;
    for (const s of this.snapshots) if (s.at <= target && (!best || s.at > best.at)) best = s;
    return best;
  }

  private restart() {
    this.adopt(S2S.create({ seed: this.scenario.seed, settings: this.scenario.settings }), 0);
  }

  private restore(snap: Snapshot) {
    const state = structuredClone(snap.state);
    state.log = snap.log.slice(0, snap.at);
    this.adopt(S2S.restore(state), snap.next);
  }

  private adopt(s2s: S2S, next: number) {
    this.unlisten?.();
    this.cur = s2s;
    this.next = next;
    this.lastAt = this.position;
    this.unlisten = s2s.sandbox.onCommand((entry) => this.acted(entry));
  }

  private acted(entry: JournalEntry) {
    if (this.replaying || this.forked) return;
    // A command of the person's own, dispatched while rewound: the recorded future is dropped.
    const dropped = this.commands.slice(this.next);
    const log = this.cur.sandbox.state.log;
    let position = log.length;
    for (let i = log.length - 1; i >= 0; i--)
      if (log[i]!.kind === 'command') {
        position = i;
        break;
      }
    this.commands = [...this.commands.slice(0, this.next), { ...entry }];
    this.next = this.commands.length;
    this.forked = true;
    this.unlisten?.();
    this.unlisten = null;
    this.opts.onFork?.({ position, dropped });
  }
}
