import { S2S } from '../engine/api.ts';
import type { SandboxMeta, SandboxStore } from '../persistence/store.ts';
import { Autosave } from '../persistence/autosave.ts';
import { Clock } from './clock.svelte.ts';
import { DEFAULT_ORGS, defaultSandbox } from './preset.ts';
import { SessionTimeline } from './timeline.svelte.ts';
import { rememberTabSandbox } from './tabSandbox.ts';
import { buildView, EMPTY_VIEW, lastLogLines, type LogLine, type SandboxView } from './view.ts';

export type SaveStatus = 'saved' | 'saving' | 'error' | 'readonly';

/**
 * The open sandbox and everything around it: the store, autosave, the play loop, and
 * plain-data views of the engine that components render. Views are `$state.raw` snapshots
 * rebuilt at most once per animation frame after the sandbox reports a change.
 */
export class SandboxSession {
  s2s = $state.raw<S2S | undefined>(undefined);
  meta = $state.raw<SandboxMeta | null>(null);
  sandboxes = $state.raw<SandboxMeta[]>([]);
  view = $state.raw<SandboxView>(EMPTY_VIEW);
  /** Virtual time, updated every frame while playing. */
  now = $state(0);
  selected = $state<string | null>(null);
  saveStatus = $state<SaveStatus>('saved');
  saveMessage = $state<string | null>(null);
  /** A message for the person (a share link that could not be opened, a failed switch…). */
  notice = $state<string | null>(null);
  readonly clock: Clock;
  /** Where the shown sandbox stands in its run; rewinds, replays and forks it. */
  readonly timeline: SessionTimeline;
  /** The saved sandbox at the end of its run; `s2s` is a rebuilt one while rewound. */
  head: S2S | undefined;

  private autosave: Autosave | null = null;
  /** Settles once autosave knows whether this tab may write. */
  private autosaveStarted: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private raf = 0;

  constructor(readonly store: SandboxStore) {
    this.timeline = new SessionTimeline(this);
    this.clock = new Clock(
      () => this.s2s,
      () => this.tick(),
      this.timeline,
    );
  }

  get storeKind() {
    return this.store.kind;
  }

  // ---- views ---------------------------------------------------------------------------

  private scheduleRefresh = () => {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.refresh();
    });
  };

  refresh() {
    const s2s = this.s2s;
    if (!s2s) return;
    this.view = buildView(s2s);
    this.now = s2s.now;
    // Commands and steps while paused move the event counter too, not only the play loop.
    this.timeline.sync();
  }

  /** After each play-loop frame: time always moves; views only when the sandbox changed. */
  private tick() {
    const s2s = this.s2s;
    if (!s2s) return;
    this.now = s2s.now;
    this.timeline.sync();
    // The engine bumps its version on every change, deliveries of every kind included.
    if (s2s.sandbox.version !== this.view.version) this.refresh();
  }

  orgLog(org: string, n = 8): LogLine[] {
    return this.s2s ? lastLogLines(this.s2s, n, org) : [];
  }

  // ---- opening and switching -----------------------------------------------------------

  private async detach() {
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.unsubscribe?.();
    this.unsubscribe = null;
    const a = this.autosave;
    this.autosave = null;
    await this.autosaveStarted;
    if (a) {
      try {
        await a.flush();
      } finally {
        await a.stop();
      }
    }
  }

  /** Shows a sandbox without touching what is saved (the timeline's rewound ones, the head). */
  show(s2s: S2S) {
    if (s2s === this.s2s) return;
    this.unsubscribe?.();
    this.s2s = s2s;
    this.unsubscribe = s2s.sandbox.subscribe(this.scheduleRefresh);
    this.refresh();
    window.s2s = s2s;
  }

  /** A fork made on a rewound timeline becomes the open sandbox, saved under its own id. */
  adoptFork(meta: SandboxMeta, s2s: S2S, written: Promise<void>) {
    const old = this.autosave;
    const oldStarted = this.autosaveStarted;
    this.autosave = null;
    // The original was not changed while rewound; saving what it holds and letting go is all.
    void oldStarted.then(async () => {
      if (!old) return;
      try {
        await old.flush();
      } finally {
        await old.stop();
      }
    });
    this.attach(meta, s2s, written);
    void this.reloadList();
  }

  private attach(meta: SandboxMeta, s2s: S2S, written?: Promise<void>) {
    this.head = s2s;
    this.meta = meta;
    rememberTabSandbox(meta.id);
    this.selected = null;
    this.show(s2s);
    const autosave = new Autosave(this.store, meta.id, s2s);
    this.autosave = autosave;
    autosave.onStatus((status, message) => {
      if (this.autosave !== autosave) return;
      this.saveStatus = status;
      this.saveMessage = message ?? null;
    });
    this.saveStatus = autosave.status;
    // A fork's rows are written first; commands meanwhile are collected from its log then.
    this.autosaveStarted = (written ?? Promise.resolve())
      .then(() => autosave.start())
      .catch((e: unknown) => {
        this.saveStatus = 'error';
        this.saveMessage = `Autosave could not start: ${(e as Error).message}`;
      });
    if (!written) void this.timeline.attached();
  }

  async open(id: string) {
    await this.detach();
    const loaded = await this.store.open(id);
    this.attach(loaded.meta, loaded.s2s);
    await this.reloadList();
  }

  async reloadList() {
    this.sandboxes = await this.store.list();
    const id = this.meta?.id;
    const fresh = this.sandboxes.find((m) => m.id === id);
    if (fresh) this.meta = fresh;
  }

  async flush() {
    await this.autosaveStarted;
    await this.autosave?.flush();
  }

  // ---- the sandbox menu ----------------------------------------------------------------

  /** A new sandbox with the default preset; `seed` makes its runs repeatable. */
  async createNew(name: string, seed?: number) {
    await this.detach();
    // Shown at once and written meanwhile (a first visit draws its orgs without waiting for
    // the store); autosave starts once the rows are there, collecting commands made before.
    const s2s = defaultSandbox(seed);
    const { meta, written } = this.store.saveRunning(name, s2s, {
      startCommands: DEFAULT_ORGS.length,
    });
    this.attach(meta, s2s, written);
    // Listed at once, as it is shown; the store's list follows once it is written.
    this.sandboxes = [meta, ...this.sandboxes.filter((m) => m.id !== meta.id)];
    // A failed write is autosave's to report (see attach), so it is not caught here too.
    void written.then(
      async () => {
        if (this.meta?.id !== meta.id) return;
        await this.timeline.attached();
        await this.reloadList();
      },
      () => {},
    );
    return meta;
  }

  async rename(name: string) {
    if (!this.meta) return;
    await this.store.rename(this.meta.id, name);
    await this.reloadList();
  }

  async duplicate(name: string) {
    if (!this.meta) return;
    const meta = await this.store.duplicate(this.meta.id, name);
    await this.open(meta.id);
  }

  async remove(id: string) {
    if (id === this.meta?.id) {
      await this.detach();
      this.s2s = undefined;
      this.head = undefined;
      this.meta = null;
      await this.store.remove(id);
      const next = (await this.store.list())[0];
      if (next) await this.open(next.id);
      else await this.createNew('My sandbox');
    } else {
      await this.store.remove(id);
      await this.reloadList();
    }
  }

  /** The current sandbox as the JSON text of an export file. */
  async exportText(): Promise<{ name: string; text: string }> {
    if (!this.meta) throw new Error('No sandbox is open.');
    const file = await this.store.exportFile(this.meta.id);
    return { name: this.meta.name, text: JSON.stringify(file, null, 1) };
  }

  /** Imports a file and opens it; on error nothing changes and the store's message comes back. */
  async importText(text: string): Promise<{ error: string; detail?: string } | null> {
    const r = await this.store.importFile(text);
    if (!r.ok) return { error: r.error, detail: r.detail };
    await this.open(r.meta.id);
    return null;
  }

  async shareLink(base: string): Promise<string> {
    if (!this.s2s) return base;
    const { encodeScenario } = await import('../persistence/shareLink.ts');
    return `${base.split('#')[0]}#s=${encodeScenario(this.s2s.scenario())}`;
  }

  private disposers: (() => void)[] = [];

  /** Runs `f` when the session is disposed (listeners the app added around it). */
  onDispose(f: () => void) {
    this.disposers.push(f);
  }

  dispose() {
    for (const f of this.disposers.splice(0)) f();
    this.clock.dispose();
    void this.detach();
  }
}
