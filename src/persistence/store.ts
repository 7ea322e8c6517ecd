import type { S2S } from '../engine/api.ts';
import type { JournalEntry, Scenario } from '../engine/journal.ts';
import type { SandboxState } from '../engine/state/sandboxState.ts';
import type { SandboxSettings } from '../engine/state/settings.ts';
import type { CheckpointData, SavedLayout } from './checkpoint.ts';

export interface SandboxMeta {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  seed: number;
  commandCount: number;
  /** Virtual time at the last checkpoint. */
  now: number;
  orgCount: number;
  /** Settings the sandbox was created with; a scenario needs them to rebuild it. */
  settings?: Partial<SandboxSettings>;
  /** Commands of the starting scenario (the preset): the timeline's reset goes to after them. */
  startCommands?: number;
  /** Forks of one run share this: the id of the first run. */
  lineage?: string;
  /** The run this one forked from, and the event position where it left it. */
  forkOf?: string;
  forkedAt?: number;
  /** The timeline's position while rewound (events happened); absent or null at the end. */
  rewoundTo?: number | null;
}

/** Meta a fork is made with, and what the timeline updates in place. */
export type TimelineMeta = Pick<
  SandboxMeta,
  'startCommands' | 'lineage' | 'forkOf' | 'forkedAt' | 'rewoundTo'
>;

/** Restored and replayed, ready to run. */
export interface LoadedSandbox {
  meta: SandboxMeta;
  s2s: S2S;
}

export const EXPORT_APP = 's2s-sandbox';
export const EXPORT_FORMAT = 1;

/** The JSON file a user downloads; import trusts only `scenario` and rebuilds from it. */
export interface ExportFile {
  app: typeof EXPORT_APP;
  format: typeof EXPORT_FORMAT;
  exportedAt: number;
  meta: SandboxMeta;
  scenario: Scenario;
  state: SandboxState;
}

export type ImportResult =
  | { ok: true; meta: SandboxMeta }
  /** `error` for anyone; `detail` says exactly which part failed, for the curious. */
  | { ok: false; error: string; detail?: string };

export interface CheckpointWrite {
  /** May share the live state's objects: writeCheckpoint copies it before it first awaits. */
  data: CheckpointData;
  /** Journal entries not written yet: they go in the same transaction. */
  journal: JournalEntry[];
  /**
   * Also delete parts not in `data` (after an error or on the first write). Otherwise `data`
   * is incremental: it is refused (StaleCheckpointError) unless the rows on disk are
   * `data.baseRev`'s.
   */
  full: boolean;
  /**
   * Told the main-thread time of each task the write takes after the call returns (a store
   * that clones everything in the call never calls it).
   */
  onSlice?: (ms: number) => void;
}

/** What the app uses; Dexie in the browser, memory when IndexedDB is unavailable. */
export interface SandboxStore {
  readonly kind: 'indexeddb' | 'memory';
  /** Why the store runs in memory, for the banner; null when it does not. */
  readonly fallbackReason: string | null;
  list(): Promise<SandboxMeta[]>;
  create(
    name: string,
    opts?: { seed?: number; scenario?: Scenario; startCommands?: number },
  ): Promise<SandboxMeta>;
  /**
   * Saves a running sandbox as a new saved one (a fork made by acting on a rewound
   * timeline). Its state is copied before this returns; `written` settles once it is on disk,
   * and it becomes the last opened.
   */
  saveRunning(
    name: string,
    s2s: S2S,
    extra: TimelineMeta,
  ): { meta: SandboxMeta; written: Promise<void> };
  /** Updates the timeline's fields of a saved sandbox's meta. */
  setTimelineMeta(id: string, patch: TimelineMeta): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string, name: string): Promise<SandboxMeta>;
  remove(id: string): Promise<void>;
  lastOpenedId(): Promise<string | null>;
  /** Restores the last checkpoint, replays the journal after it, and sets last opened. */
  open(id: string): Promise<LoadedSandbox>;
  exportFile(id: string): Promise<ExportFile>;
  /** Validates the whole file before it touches the database. */
  importFile(text: string): Promise<ImportResult>;

  // ---- used by Autosave -------------------------------------------------------------------
  appendJournal(id: string, entries: JournalEntry[]): Promise<void>;
  /**
   * One atomic transaction: checkpoint parts, pending journal rows, meta. Takes its copy of
   * `write` synchronously, so the caller may hand over live objects and run on at once.
   */
  writeCheckpoint(id: string, write: CheckpointWrite): Promise<void>;
  /**
   * What `open` found on disk for this sandbox, handed out once: with it the first
   * checkpoint writes only what changed since the load instead of everything.
   */
  takeLayout?(s2s: S2S): SavedLayout | null;
  /** Lets export and duplicate save what an open autosave still holds first. */
  registerFlusher(id: string, flush: () => Promise<void>): () => void;
  /** Heartbeat lock for browsers without Web Locks: true when this owner holds it. */
  claimLock(id: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLock(id: string, owner: string): Promise<void>;
  close(): void;
}
