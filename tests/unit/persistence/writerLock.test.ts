import { describe, expect, it, vi } from 'vitest';
import { Autosave, READONLY_MESSAGE, RELEASED_MESSAGE } from '../../../src/persistence/autosave.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import {
  heartbeatLocks,
  webLocks,
  type LockManagerLike,
} from '../../../src/persistence/writerLock.ts';
import { freshStore } from './world.ts';

/** Web Locks with ifAvailable, as browsers have them; Node has none. */
function fakeLocks(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request(name, _opts, cb) {
      if (held.has(name)) return cb(null);
      held.add(name);
      try {
        return await cb({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

describe('writer lock', () => {
  it('web locks: one holder at a time, free again after release', async () => {
    const request = webLocks(fakeLocks());
    const a = await request('sb1', () => {});
    expect(a).not.toBeNull();
    expect(await request('sb1', () => {})).toBeNull();
    expect(await request('sb2', () => {})).not.toBeNull();
    a!.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await request('sb1', () => {})).not.toBeNull();
  });

  it('heartbeat rows: a second owner waits until the first releases or goes quiet', async () => {
    const store = freshStore();
    const tab1 = heartbeatLocks(store, { owner: 'tab1', ttlMs: 60 });
    const tab2 = heartbeatLocks(store, { owner: 'tab2', ttlMs: 60 });
    const lock = await tab1('sb', () => {});
    expect(lock).not.toBeNull();
    expect(await tab2('sb', () => {})).toBeNull();
    await new Promise((r) => setTimeout(r, 120)); // tab1's heartbeat keeps it
    expect(await tab2('sb', () => {})).toBeNull();
    lock!.release();
    await vi.waitFor(async () => expect(await tab2('sb', () => {})).not.toBeNull());
    // A tab that died without releasing loses the lock once its claim expires.
    expect(await store.claimLock('dead', 'ghost', 60)).toBe(true);
    expect(await store.claimLock('dead', 'tab1', 60)).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.claimLock('dead', 'tab1', 60)).toBe(true);
  });

  it('two tabs on one sandbox: the second is read-only and told why', async () => {
    const store1 = freshStore();
    const meta = await store1.create('Shared', { seed: 2 });
    const store2 = new DexieStore(store1.db.name);
    const locks = fakeLocks();
    const opts = { lock: webLocks(locks), pageEvents: false, intervalMs: 60_000 };
    const tab1 = new Autosave(store1, meta.id, (await store1.open(meta.id)).s2s, opts);
    await tab1.start();
    const s2 = (await store2.open(meta.id)).s2s;
    const tab2 = new Autosave(store2, meta.id, s2, opts);
    const append2 = vi.spyOn(store2, 'appendJournal');
    await tab2.start();
    expect(tab1.status).toBe('saved');
    expect(tab2.status).toBe('readonly');
    expect(tab2.message).toBe(READONLY_MESSAGE);
    s2.dispatch({ type: 'org.create', org: 'x', name: 'X' });
    await tab2.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(append2).not.toHaveBeenCalled();
    expect((await store1.list())[0]!.commandCount).toBe(0);
    // When the writer closes, the other tab hears of it over BroadcastChannel.
    await tab1.stop();
    await vi.waitFor(() => expect(tab2.message).toBe(RELEASED_MESSAGE));
    await tab2.stop();
  });
});
