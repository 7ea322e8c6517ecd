import { Dexie, type DexieOptions } from 'dexie';
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
import { DB_NAME, SandboxDb, type CheckpointRow, type JournalRow } from './schema.ts';
import type { CheckpointWrite, SandboxMeta } from './store.ts';

const lockKey = (id: string) => `lock:${id}`;
const toRows = (sandboxId: string, entries: JournalEntry[]): JournalRow[] =>
  entries.map(({ index, at, command }) => ({ sandboxId, index, at, command }));
const toParts = (rows: CheckpointRow[]): CheckpointPart[] =>
  rows.map(({ part, data }) => ({ part, data }));

export class DexieStore extends BaseStore {
  readonly kind = 'indexeddb' as const;
  readonly db: SandboxDb;

  /** `options` can name the IndexedDB factory to use instead of the global one. */
  constructor(name = DB_NAME, options?: DexieOptions) {
    super();
    this.db = new SandboxDb(name, options);
  }

  private checkpointRows(id: string) {
    return this.db.checkpoints
      .where('[sandboxId+part]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true);
  }

  private journalRows(id: string, from: number) {
    return this.db.journal
      .where('[sandboxId+index]')
      .between([id, from], [id, Dexie.maxKey], true, true);
  }

  protected listMeta() {
    return this.db.sandboxes.toArray();
  }

  protected getMeta(id: string) {
    return this.db.sandboxes.get(id);
  }

  protected async putMeta(meta: SandboxMeta) {
    await this.db.sandboxes.put(meta);
  }

  protected readSaved(id: string, wholeJournal: boolean): Promise<SavedSandbox | null> {
    const { sandboxes, checkpoints, journal } = this.db;
    return this.db.transaction('r', [sandboxes, checkpoints, journal], async () => {
      const meta = await sandboxes.get(id);
      if (!meta) return null;
      const parts = toParts(await this.checkpointRows(id).toArray());
      const core = parts.find((p) => p.part === CORE)?.data as CoreState | undefined;
      const from = wholeJournal ? 0 : (core?.commandCount ?? 0);
      const rows = await this.journalRows(id, from).toArray();
      return {
        meta,
        parts,
        journal: rows.map(({ index, at, command }) => ({ index, at, command })),
      };
    });
  }

  protected async writeNew(meta: SandboxMeta, journal: JournalEntry[], parts: CheckpointPart[]) {
    const { sandboxes, checkpoints, journal: table } = this.db;
    await this.db.transaction('rw', [sandboxes, checkpoints, table], async () => {
      await table.bulkPut(toRows(meta.id, journal));
      await checkpoints.bulkPut(parts.map((p) => ({ sandboxId: meta.id, ...p })));
      await sandboxes.put(meta);
    });
  }

  protected async deleteRows(id: string) {
    const { sandboxes, checkpoints, journal, kv } = this.db;
    await this.db.transaction('rw', [sandboxes, checkpoints, journal, kv], async () => {
      await this.checkpointRows(id).delete();
      await this.journalRows(id, 0).delete();
      await kv.delete(lockKey(id));
      await sandboxes.delete(id);
    });
  }

  protected async getKv(key: string) {
    return (await this.db.kv.get(key))?.value;
  }

  protected async setKv(key: string, value: unknown) {
    await this.db.kv.put({ key, value });
  }

  async appendJournal(id: string, entries: JournalEntry[]) {
    if (!entries.length) return;
    const { sandboxes, journal } = this.db;
    await this.db.transaction('rw', [sandboxes, journal], async () => {
      const meta = await sandboxes.get(id);
      if (!meta) return; // deleted meanwhile: nothing to keep
      await journal.bulkPut(toRows(id, entries));
      const count = entries[entries.length - 1]!.index + 1;
      await sandboxes.put({
        ...meta,
        commandCount: Math.max(meta.commandCount, count),
        updatedAt: Date.now(),
      });
    });
  }

  /**
   * Most main-thread time one task of a checkpoint write may take before the rest of its frozen
   * rows wait for the next task (one row at least is put per task).
   */
  sliceMs = 4;

  /**
   * Written with IndexedDB directly. A put clones its value on the spot, so core, rev and the
   * org rows (which share live objects) are put before this method first yields; the frozen
   * rows, which the simulation never changes, are put in slices of about `sliceMs`, each
   * from the success of the last put before it, which keeps the one transaction alive while
   * frames and the simulation run between slices. The copy is thus of one instant and the
   * write is atomic. (Dexie would defer the puts past an await; copying first with
   * structuredClone costs several times what the put's own serialisation does.) An
   * incremental write first checks that the rows on disk are the checkpoint it builds on.
   */
  writeCheckpoint(id: string, write: CheckpointWrite): Promise<void> {
    if (!this.db.isOpen())
      return ((copy) => this.db.open().then(() => this.writeCheckpoint(id, copy)))({
        ...write,
        ...structuredClone({ data: write.data, journal: write.journal }),
      });
    const { data, journal, full } = write;
    const tx = this.db
      .backendDB()
      .transaction(['checkpoints', 'journal', 'sandboxes'], 'readwrite');
    let gone = false;
    let stale = false;
    /** A row a later slice could not put: the transaction is aborted with it. */
    let failure: unknown = null;
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () =>
        gone
          ? resolve()
          : reject(
              stale
                ? new StaleCheckpointError('Another checkpoint was saved meanwhile.')
                : (failure ?? tx.error ?? new Error('The checkpoint transaction was aborted.')),
            );
    });
    try {
      const parts = tx.objectStore('checkpoints');
      if (!full)
        parts.get([id, REV]).onsuccess = (e) => {
          const row = (e.target as IDBRequest<{ data?: unknown } | undefined>).result;
          if ((row?.data ?? null) === (data.baseRev ?? null)) return;
          stale = true;
          tx.abort();
        };
      const later: CheckpointPart[] = [];
      let lastLive: IDBRequest | null = null;
      for (const p of data.parts)
        if (p.frozen) later.push(p);
        else lastLive = parts.put({ sandboxId: id, part: p.part, data: p.data });
      for (const part of data.drop) parts.delete([id, part]);
      const rows = tx.objectStore('journal');
      for (const row of toRows(id, journal)) rows.put(row);
      if (full) {
        const keep = partNames(data);
        const range = IDBKeyRange.bound([id, ''], [id, []]);
        parts.getAllKeys(range).onsuccess = (e) => {
          for (const key of (e.target as IDBRequest<[string, string][]>).result)
            if (!keep.has(key[1])) parts.delete(key);
        };
      }
      const metas = tx.objectStore('sandboxes');
      metas.get(id).onsuccess = (e) => {
        const meta = (e.target as IDBRequest<SandboxMeta | undefined>).result;
        // Deleted meanwhile: write nothing rather than leave rows without a sandbox.
        if (!meta) {
          gone = true;
          return tx.abort();
        }
        metas.put({
          ...meta,
          commandCount: Math.max(meta.commandCount, data.commandCount),
          now: data.now,
          orgCount: data.orgCount,
          updatedAt: Date.now(),
        });
      };
      // The frozen rows start a task later: this one has taken the checkpoint already.
      this.putInSlices(parts, id, later, lastLive!, write.onSlice, (e) => {
        failure ??= e;
        try {
          tx.abort();
        } catch {
          // Ended already: its own handler has settled the write.
        }
      });
    } catch (e) {
      tx.abort();
      done.catch(() => {});
      return Promise.reject(e);
    }
    return done;
  }

  /** Puts `rows` about `sliceMs` a task, each slice from the success of the put before it. */
  private putInSlices(
    store: IDBObjectStore,
    id: string,
    rows: CheckpointPart[],
    after: IDBRequest,
    onSlice: ((ms: number) => void) | undefined,
    fail: (e: unknown) => void,
  ) {
    let i = 0;
    const slice = () => {
      const from = performance.now();
      let last: IDBRequest;
      try {
        do {
          const p = rows[i++]!;
          last = store.put({ sandboxId: id, part: p.part, data: p.data });
        } while (i < rows.length && performance.now() - from < this.sliceMs);
      } catch (e) {
        // A row that cannot be stored, or the transaction ended (stale, deleted): abort, so
        // the rows on disk stay the previous checkpoint.
        fail(e);
        return;
      }
      onSlice?.(performance.now() - from);
      if (i < rows.length) last.onsuccess = slice;
    };
    if (rows.length) after.onsuccess = slice;
  }

  async claimLock(id: string, owner: string, ttlMs: number) {
    const { kv } = this.db;
    return this.db.transaction('rw', kv, async () => {
      const held = (await kv.get(lockKey(id)))?.value as { owner: string; at: number } | undefined;
      const now = Date.now();
      if (held && held.owner !== owner && now - held.at < ttlMs) return false;
      await kv.put({ key: lockKey(id), value: { owner, at: now } });
      return true;
    });
  }

  async releaseLock(id: string, owner: string) {
    const { kv } = this.db;
    await this.db.transaction('rw', kv, async () => {
      const held = (await kv.get(lockKey(id)))?.value as { owner: string } | undefined;
      if (held?.owner === owner) await kv.delete(lockKey(id));
    });
  }

  close() {
    this.db.close();
  }
}
