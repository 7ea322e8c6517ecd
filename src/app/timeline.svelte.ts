import type { S2S } from '../engine/api.ts';
import type { RunDifference } from '../engine/timeline/compareRuns.ts';
import type { SandboxMeta, SandboxStore } from '../persistence/store.ts';
import { advanceWithin } from './frameBudget.ts';
import type { ClockDriver } from './clock.svelte.ts';
// Type only: the working half loads on the first rewind, not with the page.
import type { TimelineControl } from './timelineControl.ts';

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
  /** Saves the head now (its last checkpoint may be behind its clock). */
  flush(): Promise<void>;
  /** A command on the rewound sandbox made it a new run: save it and make it the head. */
  adoptFork(meta: SandboxMeta, s2s: S2S, written: Promise<void>): void;
}

/**
 * The session's timeline: where the shown sandbox stands in its run ("event 37 of 120"),
 * rewinding by replay (seek, step back, reset), playing a rewound run forward again in the
 * play loop, and forks. While rewound, the saved sandbox (the head) is left as it was and the
 * session shows a rebuilt one; acting on it forks: the new run is saved as a new sandbox of
 * the same lineage and opened, and the original stays saved as a fork. Its working half
 * (`TimelineControl`) loads on the first rewind.
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
  private ctl: TimelineControl | null = null;
  private loading: Promise<TimelineControl> | null = null;

  constructor(private readonly host: TimelineHost) {}

  /** Called when a sandbox is opened: back at its end, or at the position saved with it. */
  async attached() {
    this.ctl?.dispose();
    this.ctl = null;
    this.loading = null;
    this.rewound = false;
    this.sync();
    const at = this.host.meta?.rewoundTo;
    if (typeof at === 'number' && at < this.total) await this.seek(at);
    await this.loadForks();
  }

  /** Rebuilds the sandbox as it was once `i` events had happened, and shows it. */
  async seek(i: number) {
    (await this.control()).seek(i);
  }

  /** Back to the step before the current position. */
  async stepBack() {
    (await this.control()).stepBack();
  }

  /** Back to just after the sandbox's starting scenario. */
  async reset() {
    (await this.control()).reset();
  }

  /** The records that ended different in the current run and in another run (a fork). */
  async compare(forkId: string): Promise<RunDifference[]> {
    return (await this.control()).compare(forkId);
  }

  /** ClockDriver: one recorded step forward while rewound; false at the end (a live step). */
  step(): boolean {
    return this.ctl?.step() ?? false;
  }

  /** ClockDriver: the play loop's frame, replaying while rewound, then the live sandbox. */
  advance(ms: number, deadline: number) {
    const left = this.ctl ? this.ctl.advance(ms, deadline) : ms;
    const head = this.host.head;
    if (left !== null && left > 0 && head) advanceWithin(head.sandbox, left, deadline);
    this.sync();
  }

  /** Reads the position again (after each frame). */
  sync() {
    const { s2s, total } = this.ctl?.shown() ?? { s2s: this.host.head, total: null };
    this.position = s2s?.sandbox.state.log.length ?? 0;
    this.total = total ?? this.position;
  }

  /** Lists the other runs of this sandbox's lineage. */
  async loadForks() {
    const meta = this.host.meta;
    if (!meta) return void (this.forks = []);
    const lineage = meta.lineage ?? meta.id;
    this.forks = (await this.host.store.list())
      .filter((m) => m.id !== meta.id && (m.lineage ?? m.id) === lineage)
      .map((m) => ({
        id: m.id,
        name: m.name,
        forkedAt: m.forkedAt ?? meta.forkedAt ?? null,
        updatedAt: m.updatedAt,
      }));
  }

  private control(): Promise<TimelineControl> {
    if (this.ctl) return Promise.resolve(this.ctl);
    return (this.loading ??= import('./timelineControl.ts').then(({ TimelineControl }) => {
      this.ctl ??= new TimelineControl(this, this.host);
      return this.ctl;
    }));
  }
}
