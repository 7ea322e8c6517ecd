import { S2S } from '../engine/api.ts';
import { Timeline, type ForkPoint } from '../engine/timeline/timeline.ts';
import { compareRuns, type RunDifference } from '../engine/timeline/compareRuns.ts';
import type { SessionTimeline, TimelineHost } from './timeline.svelte.ts';

/** Deliveries or commands replayed between two looks at the frame's deadline. */
const CHUNK = 32;
/** Least real time between two saves of the rewound position while it plays on. */
const SAVE_POSITION_MS = 1000;

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
 * The timeline's working half, loaded on the first rewind: a `Timeline` over the head's run,
 * the rebuilt sandbox shown while rewound, the replay in the play loop, the saved position,
 * and forking. It writes `position`, `total` and `rewound` into the session's timeline.
 */
export class TimelineControl {
  private tl: Timeline | null = null;
  private savedPosition: number | null;
  private savedAt = 0;

  constructor(
    private readonly shell: SessionTimeline,
    private readonly host: TimelineHost,
  ) {
    this.savedPosition = host.meta?.rewoundTo ?? null;
  }

  get rewound(): boolean {
    return this.shell.rewound;
  }

  seek(i: number) {
    const tl = this.timeline();
    if (!tl) return;
    tl.seek(i);
    this.settle();
  }

  stepBack() {
    const tl = this.timeline();
    if (!tl) return;
    if (!this.shell.rewound) tl.seek(tl.total);
    tl.stepBack();
    this.settle();
  }

  reset() {
    const tl = this.timeline();
    if (!tl) return;
    tl.reset();
    this.settle();
  }

  /** One recorded step forward while rewound; false when not rewound (a live step then). */
  step(): boolean {
    if (!this.tl || !this.shell.rewound) return false;
    this.tl.stepForward();
    this.settle();
    return true;
  }

  /**
   * The play loop's frame while rewound: replays within the deadline. Returns the virtual ms
   * left for the live sandbox once the end is reached, else null.
   */
  advance(ms: number, deadline: number): number | null {
    const tl = this.tl;
    if (!tl || !this.shell.rewound) return ms;
    const target = tl.sandbox.now + ms;
    let left: number | null;
    while ((left = tl.advanceTo(target, CHUNK)) === null)
      if (performance.now() >= deadline) return null;
    if (!tl.atEnd) return null;
    this.settle();
    return left;
  }

  /** The shown sandbox (the rebuilt one while rewound) and the run's length. */
  shown(): { s2s: S2S | undefined; total: number | null } {
    if (this.tl && this.shell.rewound) {
      if (Date.now() - this.savedAt > SAVE_POSITION_MS) this.savePosition();
      return { s2s: this.tl.sandbox, total: this.tl.total };
    }
    return { s2s: this.host.head, total: null };
  }

  async compare(forkId: string): Promise<RunDifference[]> {
    const head = this.host.head;
    if (!head) return [];
    const other = await this.host.store.exportFile(forkId);
    return compareRuns(head, S2S.restore(other.state));
  }

  dispose() {
    this.tl?.dispose();
    this.tl = null;
  }

  /** The timeline over the head's run, made on the first rewind. */
  private timeline(): Timeline | null {
    if (this.tl) return this.tl;
    const head = this.host.head;
    if (!head) return null;
    // The head stands still while rewound: saved as it is now, a reload finds the same run.
    void this.host.flush().catch(() => {});
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
    const atEnd = tl.atEnd && !!head;
    this.shell.rewound = !atEnd;
    this.host.show(atEnd ? head! : tl.sandbox);
    this.shell.sync();
    this.savePosition();
  }

  private savePosition() {
    const meta = this.host.meta;
    if (!meta) return;
    const at = this.shell.rewound ? this.shell.position : null;
    this.savedAt = Date.now();
    if (at === this.savedPosition) return;
    this.savedPosition = at;
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
    this.dispose();
    this.savedPosition = null;
    this.shell.rewound = false;
    this.host.adoptFork(forkMeta, s2s, written);
    void written.then(() => this.shell.loadForks());
  }
}
