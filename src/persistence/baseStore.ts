import { S2S } from '../engine/api.ts';
import { applyJournal, type JournalEntry, type Scenario } from '../engine/journal.ts';
import { STATE_FORMAT } from '../engine/state/sandboxState.ts';
import {
  restoreCheckpoint,
  splitState,
  type CheckpointPart,
  type SavedLayout,
} from './checkpoint.ts';
import { migrateState } from './migrations.ts';
import { cannotReplay, invalidExport, notJson, tooLarge } from './importErrors.ts';
import {
  EXPORT_APP,
  EXPORT_FORMAT,
  type CheckpointWrite,
  type ExportFile,
  type ImportResult,
  type LoadedSandbox,
  type SandboxMeta,
  type SandboxStore,
  type TimelineMeta,
} from './store.ts';

export const LAST_OPENED = 'lastOpened';
/** Bigger files are refused before parsing: the JSON alone would stall the tab. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

/** What one sandbox holds on disk, read in one transaction so it is consistent. */
export interface SavedSandbox {
  meta: SandboxMeta;
  parts: CheckpointPart[];
  /** Journal rows from `journalFrom` on (all of them when 0). */
  journal: JournalEntry[];
}

export function newId(): string {
  const c = globalThis.crypto;
  // randomUUID exists only in secure contexts; a static site may be served over plain http.
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Replays exactly the given commands in order; file indices are renumbered, never trusted. */
function rebuild(sc: Scenario): S2S {
  return S2S.fromScenario({ ...sc, commands: sc.commands.map((e, index) => ({ ...e, index })) });
}

/** Everything both stores share; subclasses only read and write rows. */
export abstract class BaseStore implements SandboxStore {
  abstract readonly kind: 'indexeddb' | 'memory';
  readonly fallbackReason: string | null = null;
  private flushers = new Map<string, Set<() => Promise<void>>>();
  private layouts = new WeakMap<S2S, SavedLayout>();

  protected abstract listMeta(): Promise<SandboxMeta[]>;
  protected abstract getMeta(id: string): Promise<SandboxMeta | undefined>;
  protected abstract putMeta(meta: SandboxMeta): Promise<void>;
  /** Checkpoint rows plus the journal after the checkpoint (or all of it), in one transaction. */
  protected abstract readSaved(id: string, wholeJournal: boolean): Promise<SavedSandbox | null>;
  /** Writes a whole new sandbox atomically (create, duplicate, import). */
  protected abstract writeNew(
    meta: SandboxMeta,
    journal: JournalEntry[],
    parts: CheckpointPart[],
  ): Promise<void>;
  protected abstract deleteRows(id: string): Promise<void>;
  protected abstract getKv(key: string): Promise<unknown>;
  protected abstract setKv(key: string, value: unknown): Promise<void>;
  abstract appendJournal(id: string, entries: JournalEntry[]): Promise<void>;
  abstract writeCheckpoint(id: string, write: CheckpointWrite): Promise<void>;
  abstract claimLock(id: string, owner: string, ttlMs: number): Promise<boolean>;
  abstract releaseLock(id: string, owner: string): Promise<void>;
  abstract close(): void;

  async list(): Promise<SandboxMeta[]> {
    return (await this.listMeta()).sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async create(
    name: string,
    opts: { seed?: number; scenario?: Scenario; startCommands?: number } = {},
  ) {
    const now = Date.now();
    const sc = opts.scenario;
    const meta: SandboxMeta = {
      id: newId(),
      name: cleanName(name),
      createdAt: now,
      updatedAt: now,
      seed: sc?.seed ?? opts.seed ?? 1,
      commandCount: 0,
      now: 0,
      orgCount: 0,
      ...(sc?.settings ? { settings: sc.settings } : {}),
      ...(opts.startCommands !== undefined ? { startCommands: opts.startCommands } : {}),
    };
    if (!sc) {
      await this.writeNew(meta, [], []);
      return meta;
    }
    return this.saveBuilt(meta, rebuild(sc));
  }

  private async saveBuilt(meta: SandboxMeta, s2s: S2S): Promise<SandboxMeta> {
    const cp = splitState(s2s.snapshot()).data;
    const full = { ...meta, commandCount: cp.commandCount, now: cp.now, orgCount: cp.orgCount };
    await this.writeNew(full, s2s.scenario().commands, cp.parts);
    return full;
  }

  saveRunning(
    name: string,
    s2s: S2S,
    extra: TimelineMeta,
  ): { meta: SandboxMeta; written: Promise<void> } {
    const now = Date.now();
    const st = s2s.sandbox.state;
    // Copied now, before anything awaits: the sandbox runs on meanwhile.
    const cp = splitState(s2s.snapshot()).data;
    const commands = s2s.scenario().commands;
    const meta: SandboxMeta = {
      id: newId(),
      name: cleanName(name),
      createdAt: now,
      updatedAt: now,
      seed: st.seed,
      commandCount: cp.commandCount,
      now: cp.now,
      orgCount: cp.orgCount,
      settings: st.initialSettings,
      ...extra,
    };
    const written = this.writeNew(meta, commands, cp.parts).then(() =>
      this.setKv(LAST_OPENED, meta.id),
    );
    return { meta, written };
  }

  async setTimelineMeta(id: string, patch: TimelineMeta) {
    const meta = await this.mustMeta(id);
    await this.putMeta({ ...meta, ...patch });
  }

  async rename(id: string, name: string) {
    const meta = await this.mustMeta(id);
    await this.putMeta({ ...meta, name: cleanName(name), updatedAt: Date.now() });
  }

  async duplicate(id: string, name: string): Promise<SandboxMeta> {
    await this.flushOpen(id);
    const saved = await this.mustSaved(id, true);
    const now = Date.now();
    const meta = {
      ...saved.meta,
      id: newId(),
      name: cleanName(name),
      createdAt: now,
      updatedAt: now,
    };
    await this.writeNew(meta, saved.journal, saved.parts);
    return meta;
  }

  async remove(id: string) {
    await this.deleteRows(id);
    if ((await this.getKv(LAST_OPENED)) === id) await this.setKv(LAST_OPENED, null);
  }

  async lastOpenedId(): Promise<string | null> {
    const id = await this.getKv(LAST_OPENED);
    if (typeof id !== 'string') return null;
    return (await this.getMeta(id)) ? id : null;
  }

  async open(id: string): Promise<LoadedSandbox> {
    const { loaded, layout } = this.restore(await this.mustSaved(id, false));
    if (layout) this.layouts.set(loaded.s2s, layout);
    await this.setKv(LAST_OPENED, id);
    return loaded;
  }

  takeLayout(s2s: S2S): SavedLayout | null {
    const layout = this.layouts.get(s2s) ?? null;
    this.layouts.delete(s2s);
    return layout;
  }

  /**
   * The sandbox the rows hold, with their layout when the state needed no migration (a
   * migrated state differs from its rows, so its first checkpoint must rewrite them all).
   */
  private restore(saved: SavedSandbox): { loaded: LoadedSandbox; layout: SavedLayout | null } {
    const cp = restoreCheckpoint(saved.parts);
    let layout: SavedLayout | null = null;
    let s2s: S2S;
    if (cp) {
      const current = cp.state.format === STATE_FORMAT;
      s2s = S2S.restore(migrateState(cp.state));
      if (current) {
        layout = cp.layout;
        // Starts change tracking here: what the journal replays is what differs from the rows.
        s2s.sandbox.takeDirty();
      }
    } else s2s = S2S.create({ seed: saved.meta.seed, settings: saved.meta.settings });
    applyJournal(s2s.sandbox, saved.journal);
    return { loaded: { meta: saved.meta, s2s }, layout };
  }

  async exportFile(id: string): Promise<ExportFile> {
    await this.flushOpen(id);
    const saved = await this.mustSaved(id, true);
    const { s2s } = this.restore(saved).loaded;
    const { meta } = saved;
    return {
      app: EXPORT_APP,
      format: EXPORT_FORMAT,
      exportedAt: Date.now(),
      meta,
      scenario: {
        format: 1,
        seed: meta.seed,
        ...(meta.settings ? { settings: meta.settings } : {}),
        commands: saved.journal.map(({ index, at, command }) => ({ index, at, command })),
        until: s2s.now,
      },
      state: s2s.snapshot(),
    };
  }

  async importFile(text: string): Promise<ImportResult> {
    if (text.length > MAX_IMPORT_CHARS)
      return { ok: false, ...tooLarge(MAX_IMPORT_CHARS / 2 ** 20) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, ...notJson((e as Error).message) };
    }
    // The schema and its validator load only when a file is imported.
    const { validateExportFile } = await import('./validation.ts');
    const valid = validateExportFile(json);
    if (!valid.ok) return { ok: false, ...invalidExport(json, valid.error) };
    let s2s: S2S;
    try {
      s2s = rebuild(valid.value.scenario);
    } catch (e) {
      return { ok: false, ...cannotReplay((e as Error).message) };
    }
    const now = Date.now();
    const meta: SandboxMeta = {
      id: newId(),
      name: cleanName(valid.value.meta.name),
      createdAt: now,
      updatedAt: now,
      seed: valid.value.scenario.seed,
      commandCount: 0,
      now: 0,
      orgCount: 0,
      ...(valid.value.scenario.settings ? { settings: valid.value.scenario.settings } : {}),
    };
    return { ok: true, meta: await this.saveBuilt(meta, s2s) };
  }

  registerFlusher(id: string, flush: () => Promise<void>): () => void {
    const set = this.flushers.get(id) ?? new Set();
    this.flushers.set(id, set.add(flush));
    return () => set.delete(flush);
  }

  private async flushOpen(id: string) {
    await Promise.all([...(this.flushers.get(id) ?? [])].map((f) => f()));
  }

  private async mustMeta(id: string) {
    const meta = await this.getMeta(id);
    if (!meta) throw new Error(`There is no saved sandbox "${id}".`);
    return meta;
  }

  private async mustSaved(id: string, wholeJournal: boolean) {
    const saved = await this.readSaved(id, wholeJournal);
    if (!saved) throw new Error(`There is no saved sandbox "${id}".`);
    return saved;
  }
}

export function cleanName(name: string): string {
  const n = name.trim().slice(0, 120);
  return n || 'Untitled sandbox';
}
