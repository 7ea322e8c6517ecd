import type { JournalEntry } from '../engine/journal.ts';
import { BaseStore, type SavedSandbox } from './baseStore.ts';
import {
  CORE,
  partNames,
  REV,
  StaleCheckpointError,
  type CheckpointPart,
  type CoreState,
} from './checkpoint.ts';
import type { CheckpointWrite, SandboxMeta } from './store.ts';

interface Slot {
  meta: SandboxMeta;
  journal: JournalEntry[];
  parts: Map<string, unknown>;
}

/**
 * Runs the app when IndexedDB is unavailable (private mode, blocked storage). Nothing
 * survives a reload; the UI shows a banner. Rows are cloned on the way in and out, because a
 * restored sandbox takes ownership of the objects it is given and mutates them.
 */
export class MemoryStore extends BaseStore {
  readonly kind = 'memory' as const;
  readonly fallbackReason: string | null;
  private slots = new Map<string, Slot>();
  private kv = new Map<string, unknown>();

  constructor(reason: string | null = null) {
    super();
    this.fallbackReason = reason;
  }

  protected async listMeta() {
    return [...this.slots.values()].map((s) => ({ ...s.meta }));
  }

  protected async getMeta(id: string) {
    const s = this.slots.get(id);
    return s && { ...s.meta };
  }

  protected async putMeta(meta: SandboxMeta) {
    const s = this.slots.get(meta.id);
    if (s) s.meta = { ...meta };
  }

  protected async readSaved(id: string, wholeJournal: boolean): Promise<SavedSandbox | null> {
    const s = this.slots.get(id);
    if (!s) return null;
    const parts: CheckpointPart[] = [...s.parts].map(([part, data]) => ({ part, data }));
    const core = s.parts.get(CORE) as CoreState | undefined;
    const from = wholeJournal ? 0 : (core?.commandCount ?? 0);
    return structuredClone({
      meta: s.meta,
      parts,
      journal: s.journal.filter((e) => e.index >= from),
    });
  }

  protected async writeNew(meta: SandboxMeta, journal: JournalEntry[], parts: CheckpointPart[]) {
    const copy = structuredClone({ meta, journal, parts });
    this.slots.set(meta.id, {
      meta: copy.meta,
      journal: copy.journal,
      parts: new Map(copy.parts.map((p) => [p.part, p.data])),
    });
  }

  protected async deleteRows(id: string) {
    this.slots.delete(id);
  }

  protected async getKv(key: string) {
    return this.kv.get(key);
  }

  protected async setKv(key: string, value: unknown) {
    this.kv.set(key, value);
  }

  private put(s: Slot, entries: JournalEntry[]) {
    for (const e of structuredClone(entries)) s.journal[e.index] = e;
    s.meta.commandCount = Math.max(s.meta.commandCount, s.journal.length);
    s.meta.updatedAt = Date.now();
  }

  async appendJournal(id: string, entries: JournalEntry[]) {
    const s = this.slots.get(id);
    if (s) this.put(s, entries);
  }

  async writeCheckpoint(id: string, write: CheckpointWrite) {
    const s = this.slots.get(id);
    if (!s) return;
    if (!write.full && (s.parts.get(REV) ?? null) !== (write.data.baseRev ?? null))
      throw new StaleCheckpointError('Another checkpoint was saved meanwhile.');
    const { data, journal, full } = structuredClone({
      data: write.data,
      journal: write.journal,
      full: write.full,
    });
    for (const part of data.drop) s.parts.delete(part);
    if (full) {
      const keep = partNames(data);
      for (const k of s.parts.keys()) if (!keep.has(k)) s.parts.delete(k);
    }
    for (const p of data.parts) s.parts.set(p.part, p.data);
    this.put(s, journal);
    Object.assign(s.meta, { now: data.now, orgCount: data.orgCount });
    s.meta.commandCount = Math.max(s.meta.commandCount, data.commandCount);
  }

  // One tab's memory cannot be shared with another, so there is nothing to contend for.
  async claimLock() {
    return true;
  }

  async releaseLock() {}

  close() {}
}
