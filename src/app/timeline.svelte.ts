import type { S2S } from '../engine/api.ts';
import { Timeline, type ForkPoint } from '../engine/timeline/timeline.ts';
import { compareRuns, type RunDifference } from '../engine/timeline/compareRuns.ts';
import type { SandboxMeta, SandboxStore } from '../persistence/store.ts';
import { advanceWithin } from './frameBudget.ts';
import type { ClockDriver } from './clock.svelte.ts';

/** Deliveries or commands replayed between two looks at the frame's deadline. */
const CHUNK = 32;
/** Least real time between two saves of the rewound position while it plays on. */
const SAVE_POSITION_MS = 1000;

/** Another run of the same sandbox: the original a fork left, or a fork of it. */
export interface ForkInfo {
  id: string;
  name: string;
  /** Event position where the later of the two runs left the other (null: unknown). */
  forkedAt: number | null;
  updatedAt: number;
}

/** What the timeline needs from the session that owns it. */
export interface TimelineHost {
  readonly store: SandboxStore;
  readonly meta: SandboxMeta | null;
  /** The saved sandbox at the end of the current run (autosaved). */
  readonly head: S2S | undefined;
  /** Shows a sandbox (a rewound one, or the head again). */
  show(s2s: S2S): void;
  /** A command on the rewound sandbox made it a new run: save it and make it the head. */
  adoptFork(meta: SandboxMeta, s2s: S2S, written: Promise<void>): void;
}

/** Commands at the start that only create orgs: the preset, when the meta does not say. */
function leadingOrgCreates(s2s: S2S): number {
  let n = 0;
  for (const e of s2s.sandbox.state.log) {
    if (e.kind !== 'command') continue;
    if ((e.data?.command as { type?: string }).type !== 'org.create') break;
    n++;
  }
  return n;
}

/**
 * The session's timeline: where the shown sandbox stands in its run ("event 37 of 120"),
 * rewinding by replay (seek, step back, reset), playing a rewound run forward again in the
 * play loop, and forks. While rewound, the saved sandbox (the head) is left as it was; the
 * session shows a rebuilt one. Acting on it forks: the new run is saved as a new sandbox
 * of the same lineage and becomes the open one; the original stays saved as a fork.
 */
export class SessionTimeline implements ClockDriver {
  /** Events (log entries) that have happened in the shown sandbox. */
  position = $state(0);
  /** Events in the whole run. */
  total = $state(0);
  /** Whether the shown sandbox is an earlier point of the run than its end. */
  rewound = $state(false);
  /** The other runs of this sandbox (forks and the runs they left). */
  forks = $state.raw<ForkInfo[]>([]);
  private tl: Timeline | null = null;
  private savedPosition: number | null = null;
  private savedAt = 0;

  constructor(private readonly host: TimelineHost) {}

  /** Called when a sandbox is opened: back at its end, or at the position saved with it. */
  async attached() {
    this.drop();
    this.sync();
    this.savedPosition = this.host.meta?.rewoundTo ?? null;
    const at = this.host.meta?.rewoundTo;
    if (typeof at === 'number' && at < this.total) this.seek(at);
    await this.loadForks();
  }

  /** Rebuilds the sandbox as it was once `i` events had happened, and shows it. */
  seek(i: number) {
    const tl = this.timeline();
    if (!tl) return;
    tl.seek(i);
    this.settle();
  }

  /** Back to the step before the current position. */
  stepBack() {
    const tl = this.timeline();
    if (!tl) return;
    if (!this.rewound) tl.seek(tl.total);
    tl.stepBack();
    this.settle();
  }

  /** Back to just after the sandbox's starting scenario. */
  reset() {
    const tl = this.timeline();
    if (!tl) return;
    tl.reset();
    this.settle();
  }

  /** ClockDriver: one recorded step forward while rewound; false at the end (a live step). */
  step(): boolean {
    if (!this.tl || !this.rewound) return false;
    this.tl.stepForward();
    this.settle();
    return true;
  }

  /** ClockDriver: the play loop's frame, replaying while rewound, then the live sandbox. */
  advance(ms: number, deadline: number) {
    const tl = this.tl;
    if (tl && this.rewound) {
      const target = tl.sandbox.now + ms;
      let left: number | null;
      while ((left = tl.advanceTo(target, CHUNK)) === null)
        if (performance.now() >= deadline) return this.sync();
      if (!tl.atEnd) return this.sync();
      this.settle();
      ms = left;
    }
    const head = this.host.head;
    if (head && ms > 0) advanceWithin(head.sandbox, ms, deadline);
  }

  /** Reads the position again (after each frame). */
  sync() {
    const shown = this.tl && this.rewound ? this.tl.sandbox : this.host.head;
    this.position = shown?.sandbox.state.log.length ?? 0;
    this.total = this.tl && this.rewound ? this.tl.total : this.position;
    if (this.rewound && Date.now() - this.savedAt > SAVE_POSITION_MS) this.savePosition();
  }

  /** The records that ended different in the current run and in another run (a fork). */
  async compare(forkId: string): Promise<RunDifference[]> {
    const head = this.host.head;
    if (!head) return [];
    const other = await this.host.store.exportFile(forkId);
    return compareRuns(head, other.state);
  }

  /** Lists the other runs of this sandbox's lineage. */
  async loadForks() {
    const meta = this.host.meta;
    if (!meta) return void (this.forks = []);
    const lineage = meta.lineage ?? meta.id;
    const all = await this.host.store.list();
    this.forks = all
      .filter((m) => m.id !== meta.id && (m.lineage ?? m.id) === lineage)
      .map((m) => ({
        id: m.id,
        name: m.name,
        forkedAt: m.forkedAt ?? meta.forkedAt ?? null,
        updatedAt: m.updatedAt,
      }));
  }

  // ---- inside ------------------------------------------------------------------------------

  /** The timeline over the head's run, made on the first rewind. */
  private timeline(): Timeline | null {
    if (this.tl) return this.tl;
    const head = this.host.head;
    if (!head) return null;
    this.tl = Timeline.of(head, {
      startCommands: this.host.meta?.startCommands ?? leadingOrgCreates(head),
      onFork: (f) => this.forked(f),
    });
    return this.tl;
  }

  /** After a move: show the rebuilt sandbox, or the head again once the run's end is reached. */
  private settle() {
    const tl = this.tl;
    if (!tl) return;
    const head = this.host.head;
    if (tl.atEnd && head) {
      this.rewound = false;
      this.host.show(head);
    } else {
      this.rewound = true;
      this.host.show(tl.sandbox);
    }
    this.sync();
    this.savePosition();
  }

  private savePosition() {
    const meta = this.host.meta;
    if (!meta) return;
    const at = this.rewound ? this.position : null;
    if (at === this.savedPosition) return;
    this.savedPosition = at;
    this.savedAt = Date.now();
    void this.host.store.setTimelineMeta(meta.id, { rewoundTo: at }).catch(() => {});
  }

  /** A person acted on the rewound sandbox: its run becomes a new saved sandbox and the head. */
  private forked(f: ForkPoint) {
    const tl = this.tl;
    const meta = this.host.meta;
    if (!tl || !meta) return;
    const s2s = tl.sandbox;
    const { meta: forkMeta, written } = this.host.store.saveRunning(
      `${meta.name} · fork at event ${f.position}`,
      s2s,
      {
        lineage: meta.lineage ?? meta.id,
        forkOf: meta.id,
        forkedAt: f.position,
        startCommands: meta.startCommands,
        rewoundTo: null,
      },
    );
    // The original keeps its whole run and is shown at its end when opened.
    void this.host.store.setTimelineMeta(meta.id, { rewoundTo: null }).catch(() => {});
    this.drop();
    this.host.adoptFork(forkMeta, s2s, written);
    this.sync();
    void written.then(() => this.loadForks());
  }

  private drop() {
    this.tl?.dispose();
    this.tl = null;
    this.rewound = false;
    this.savedPosition = null;
  }
}
