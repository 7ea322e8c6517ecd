import type { S2S } from '../engine/api.ts';
import type { Command } from '../engine/commands/command.ts';
import type { JournalEntry } from '../engine/journal.ts';
import {
  emptyDirty,
  mergeDirty,
  StaleCheckpointError,
  takeCheckpoint,
  type Checkpoint,
  type Dirty,
  type SavedLayout,
} from './checkpoint.ts';
import type { SandboxStore } from './store.ts';
import { openTabChannel, type TabChannel } from './tabChannel.ts';
import { defaultLocks, type LockRequest, type WriterLock } from './writerLock.ts';

export type AutosaveStatus = 'saved' | 'saving' | 'error' | 'readonly';

export interface AutosaveOptions {
  /** Least time between two checkpoints while the simulation runs. */
  intervalMs?: number;
  /** Who may write; null writes without asking (tests, a single-tab memory store). */
  lock?: LockRequest | null;
  /** Listen to visibilitychange/pagehide to save before the tab goes away. */
  pageEvents?: boolean;
}

export const READONLY_MESSAGE =
  'This sandbox is open in another tab, which saves it. Changes made here are not saved; close the other tab and reload this one to edit here.';
export const RELEASED_MESSAGE =
  'The other tab has closed this sandbox. Reload this tab to edit and save it here.';
export const QUOTA_MESSAGE =
  'The browser’s storage is full, so autosave has stopped. Export this sandbox to keep it, then delete sandboxes you no longer need.';

export function isQuotaError(e: unknown): boolean {
  for (let x = e as { name?: string; inner?: unknown; cause?: unknown } | undefined; x;) {
    if (x.name === 'QuotaExceededError') return true;
    x = (x.inner ?? x.cause) as typeof x;
  }
  return false;
}

/**
 * Keeps one open sandbox saved. Every command becomes a journal row within a microtask, so a
 * user's action is durable as soon as it is applied; the running simulation (clock, messages
 * in flight, records) is checkpointed on a throttle, in one transaction, from a copy taken at
 * one instant; a checkpoint rewrites only the rows the engine reports changed (takeDirty)
 * since the last one, so its main-thread block stays small. A reload restores the last
 * checkpoint and replays the journal after it.
 */
export class Autosave {
  status: AutosaveStatus = 'saving';
  /** For the benchmark and diagnostics: how much main-thread time checkpoint copies take. */
  readonly stats = {
    checkpoints: 0,
    fullCheckpoints: 0,
    journalWrites: 0,
    /** Rows the last checkpoint put. */
    lastRows: 0,
    /** The last checkpoint's block until its write was handed to the store. */
    lastCopyMs: 0,
    /** The longest task of any checkpoint: taking it, or a slice of its write. */
    maxCopyMs: 0,
    /** The longest slice of a write after the task that took the checkpoint. */
    maxSliceMs: 0,
    /** The longest task of an incremental checkpoint (a full one is first or after errors). */
    maxIncrementalCopyMs: 0,
  };
  message: string | null = null;
  private readonly sb;
  private readonly intervalMs: number;
  private pending: JournalEntry[] = [];
  private logCursor: number;
  private commandIndex: number;
  private dirty = false;
  /**
   * What the checkpoint rows on disk hold; null makes the next checkpoint rewrite every row
   * and drop stale ones (a sandbox not opened from the store, after errors).
   */
  private base: SavedLayout | null;
  /** Changes taken from the engine that no checkpoint has saved yet (a write failed). */
  private carry: Dirty = emptyDirty();
  private lastCheckpointAt = -Infinity;
  private checkpointDue = false;
  /** While a checkpoint is written, changes wait for it to end so the throttle holds. */
  private inCheckpoint = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private writer = false;
  private stopped = false;
  private lock: WriterLock | null = null;
  private channel: TabChannel | null = null;
  private cleanups: (() => void)[] = [];
  private listeners = new Set<(s: AutosaveStatus, message: string | null) => void>();

  constructor(
    private readonly store: SandboxStore,
    readonly sandboxId: string,
    s2s: S2S,
    private readonly opts: AutosaveOptions = {},
  ) {
    this.sb = s2s.sandbox;
    this.intervalMs = opts.intervalMs ?? 2000;
    // Everything up to here came from the store; only what follows is new.
    this.logCursor = this.sb.state.log.length;
    this.commandIndex = this.sb.state.commandCount;
    // Commands dispatched before the lock is settled are collected from the log later.
    this.base = store.takeLayout?.(s2s) ?? null;
  }

  onStatus(fn: (s: AutosaveStatus, message: string | null) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private setStatus(status: AutosaveStatus, message: string | null = null) {
    if (status === this.status && message === this.message) return;
    this.status = status;
    this.message = message;
    for (const fn of this.listeners) fn(status, message);
  }

  /** Takes the writer lock, then saves; resolves once it is known whether this tab writes. */
  async start(): Promise<void> {
    const request = this.opts.lock === undefined ? defaultLocks(this.store) : this.opts.lock;
    this.channel = openTabChannel((m) => {
      if (m.sandboxId !== this.sandboxId) return;
      if (m.type === 'released' && this.status === 'readonly')
        this.setStatus('readonly', RELEASED_MESSAGE);
    });
    let lock: WriterLock | null;
    try {
      lock = request ? await request(this.sandboxId, () => this.lost()) : { release() {} };
    } catch {
      lock = { release() {} }; // a broken lock API must not stop saving
    }
    if (this.stopped) return lock?.release();
    if (!lock) return this.setStatus('readonly', READONLY_MESSAGE);
    this.lock = lock;
    this.writer = true;
    this.channel.post({ type: 'claimed', sandboxId: this.sandboxId });
    // subscribe fires after every change, commands included; the log, scanned from a cursor,
    // also yields the commands dispatched before the lock was settled.
    this.cleanups.push(this.sb.subscribe(this.changed));
    this.cleanups.push(this.store.registerFlusher(this.sandboxId, () => this.flush()));
    if ((this.opts.pageEvents ?? true) && typeof document !== 'undefined') {
      const hide = () => {
        if (document.visibilityState === 'hidden') void this.flush();
      };
      const pagehide = () => void this.flush();
      document.addEventListener('visibilitychange', hide);
      window.addEventListener('pagehide', pagehide);
      this.cleanups.push(() => {
        document.removeEventListener('visibilitychange', hide);
        window.removeEventListener('pagehide', pagehide);
      });
    }
    // The first checkpoint waits a whole interval: what was just loaded is already on disk.
    this.lastCheckpointAt = Date.now();
    this.collect();
    if (this.pending.length) this.changed();
    if (!this.running) this.setStatus('saved');
  }

  private changed = () => {
    if (!this.writer || this.stopped) return;
    this.collect();
    this.dirty = true;
    if (this.pending.length) this.kick();
    this.schedule();
  };

  /** New command entries in the log become journal rows, numbered as the engine counts them. */
  private collect() {
    const log = this.sb.state.log;
    for (; this.logCursor < log.length; this.logCursor++) {
      const e = log[this.logCursor]!;
      if (e.kind !== 'command') continue;
      this.pending.push({
        index: this.commandIndex++,
        at: e.t,
        command: e.data!.command as Command,
      });
    }
  }

  private schedule() {
    if (this.timer || this.checkpointDue || this.inCheckpoint) return;
    const wait = Math.max(0, this.lastCheckpointAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checkpointDue = true;
      this.kick();
    }, wait);
  }

  /** Runs queued writes one at a time; microtask batching squashes a burst of commands. */
  private kick() {
    this.running ??= Promise.resolve()
      .then(() => this.pump())
      .finally(() => {
        this.running = null;
      });
  }

  private async pump() {
    while (!this.stopped && this.writer) {
      if (this.checkpointDue) {
        if (!(await this.checkpoint())) return;
      } else if (this.pending.length) {
        if (!(await this.journal())) return;
      } else break;
    }
    if (this.writer && !this.stopped && this.status !== 'error') this.setStatus('saved');
    else if (this.status === 'error' && !this.stopped) this.setStatus('saved');
  }

  private async journal(): Promise<boolean> {
    const batch = this.pending.splice(0);
    this.stats.journalWrites++;
    this.setStatus('saving');
    try {
      await this.store.appendJournal(this.sandboxId, batch);
      return true;
    } catch (e) {
      this.pending.unshift(...batch);
      this.failed(e);
      return false;
    }
  }

  private async checkpoint(): Promise<boolean> {
    this.checkpointDue = false;
    this.dirty = false;
    this.collect();
    const base = this.base;
    // Unknown until this write succeeds: a failure leaves the next one to rewrite everything.
    this.base = null;
    // Kept until written: a failed write must not lose what the engine handed over.
    const dirty = mergeDirty(this.carry, this.sb.takeDirty());
    const t0 = performance.now();
    const journal = this.pending.splice(0);
    let cp: Checkpoint;
    let write: Promise<void>;
    try {
      // Taking the parts and handing them to the store is one synchronous block: the store
      // copies them before the simulation can move on. That block is the main-thread cost.
      cp = takeCheckpoint(this.sb, { base, dirty });
      write = this.store.writeCheckpoint(this.sandboxId, {
        data: cp.data,
        journal,
        full: !base,
        onSlice: (ms) => {
          this.stats.maxSliceMs = Math.max(this.stats.maxSliceMs, ms);
          this.blocked(ms, !!base);
        },
      });
    } catch (e) {
      this.pending.unshift(...journal);
      this.failed(e);
      return false;
    }
    const ms = performance.now() - t0;
    this.stats.lastCopyMs = ms;
    this.blocked(ms, !!base);
    if (!base) this.stats.fullCheckpoints++;
    this.stats.lastRows = cp.data.parts.length;
    this.stats.checkpoints++;
    this.setStatus('saving');
    this.inCheckpoint = true;
    try {
      await write;
      this.inCheckpoint = false;
      this.base = cp.layout;
      this.carry = emptyDirty();
      this.lastCheckpointAt = Date.now();
      if (this.dirty) this.schedule();
      return true;
    } catch (e) {
      this.inCheckpoint = false;
      this.pending.unshift(...journal);
      // Another tab saved this sandbox meanwhile: nothing is wrong, rewrite it all at once.
      if (e instanceof StaleCheckpointError) {
        this.checkpointDue = true;
        return true;
      }
      this.failed(e);
      return false;
    }
  }

  /** One task of a checkpoint: taking it, or a later slice of its write. */
  private blocked(ms: number, incremental: boolean) {
    this.stats.maxCopyMs = Math.max(this.stats.maxCopyMs, ms);
    if (incremental)
      this.stats.maxIncrementalCopyMs = Math.max(this.stats.maxIncrementalCopyMs, ms);
  }

  /** Quota: stop and say so (the UI offers export). Anything else: retry with a full write. */
  private failed(e: unknown) {
    if (isQuotaError(e)) {
      this.setStatus('error', QUOTA_MESSAGE);
      void this.stop();
      return;
    }
    this.base = null;
    this.setStatus('error', `Saving failed (${(e as Error)?.message ?? e}); retrying.`);
    this.lastCheckpointAt = Date.now();
    this.schedule();
  }

  private lost() {
    this.writer = false;
    this.setStatus('readonly', READONLY_MESSAGE);
    void this.stop();
  }

  /** Saves everything now (before export, switching, or the tab hiding). */
  async flush(): Promise<void> {
    if (!this.writer || this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.collect();
    this.checkpointDue = true;
    this.kick();
    while (this.running) await this.running;
  }

  /** Stops saving and releases the lock; call flush() first to keep the latest state. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const fn of this.cleanups.splice(0)) fn();
    if (this.lock) {
      this.lock.release();
      this.channel?.post({ type: 'released', sandboxId: this.sandboxId });
    }
    this.lock = null;
    this.writer = false;
    this.channel?.close();
    this.channel = null;
  }
}
