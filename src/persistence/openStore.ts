import { DexieStore } from './dexieStore.ts';
import { MemoryStore } from './memoryStore.ts';
import { DB_NAME } from './schema.ts';
import type { SandboxStore } from './store.ts';

/**
 * IndexedDB when it works, else memory with the reason for the banner. Private modes fail in
 * different places (no `indexedDB`, open rejected, the first write rejected), so this opens
 * the database and writes once before trusting it.
 */
export async function openStore(name = DB_NAME): Promise<SandboxStore> {
  if (typeof indexedDB === 'undefined')
    return new MemoryStore(
      'This browser offers no IndexedDB, so sandboxes are kept in memory only.',
    );
  const store = new DexieStore(name, { indexedDB, IDBKeyRange });
  try {
    await store.db.open();
    await store.db.kv.put({ key: 'probe', value: Date.now() });
    return store;
  } catch (e) {
    store.close();
    const why = (e as Error)?.message ?? String(e);
    return new MemoryStore(
      `Storage is unavailable (${why}); perhaps a private window. Sandboxes are kept in memory only: export them to keep them.`,
    );
  }
}
