import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { MemoryStore } from '../../../src/persistence/memoryStore.ts';
import { openStore } from '../../../src/persistence/openStore.ts';
import type { SandboxStore } from '../../../src/persistence/store.ts';
import { Autosave } from '../../../src/persistence/autosave.ts';
import { connectedWorld, freshStore, outcome } from './world.ts';

describe.each([
  ['DexieStore', () => freshStore()],
  ['MemoryStore', () => new MemoryStore('test')],
] as [string, () => SandboxStore][])('%s', (_name, make) => {
  it('creates, renames, duplicates, deletes and remembers the last opened', async () => {
    const store = make();
    expect(await store.list()).toEqual([]);
    expect(await store.lastOpenedId()).toBeNull();
    const a = await store.create('First', { seed: 5 });
    const b = await store.create('  ');
    expect(b.name).toBe('Untitled sandbox');
    expect((await store.list()).map((m) => m.id).sort()).toEqual([a.id, b.id].sort());

    await store.rename(a.id, 'Renamed');
    expect((await store.list()).find((m) => m.id === a.id)!.name).toBe('Renamed');

    const opened = await store.open(a.id);
    expect(opened.meta.seed).toBe(5);
    expect(await store.lastOpenedId()).toBe(a.id);
    await store.open(b.id);
    expect(await store.lastOpenedId()).toBe(b.id);

    const copy = await store.duplicate(a.id, 'Copy');
    expect(copy.id).not.toBe(a.id);
    expect(copy.seed).toBe(5);

    await store.remove(b.id);
    expect(await store.lastOpenedId()).toBeNull();
    expect((await store.list()).map((m) => m.name).sort()).toEqual(['Copy', 'Renamed']);
    await expect(store.open(b.id)).rejects.toThrow(/no saved sandbox/);
    store.close();
  });

  it('duplicates a sandbox with its checkpoint and journal, independent of the original', async () => {
    const store = make();
    const meta = await store.create('World', { seed: 9 });
    const { s2s } = await store.open(meta.id);
    const save = new Autosave(store, meta.id, s2s, { lock: null, pageEvents: false });
    await save.start();
    connectedWorld(s2s, 3);
    await save.flush();
    run(s2s, 'acme');
    await save.flush();
    const copy = await store.duplicate(meta.id, 'Copy');
    await save.stop();
    const a = await store.open(meta.id);
    const b = await store.open(copy.id);
    expect(outcome(b.s2s)).toEqual(outcome(a.s2s));
    expect(b.s2s.inFlight()).toEqual(a.s2s.inFlight());
    b.s2s.runUntilIdle();
    const again = await store.open(meta.id);
    expect(again.s2s.inFlight().length).toBe(a.s2s.inFlight().length);
  });

  it('creates a sandbox from a scenario and opens it replayed', async () => {
    const store = make();
    const src = S2S.create({ seed: 4, settings: { suppressEcho: false } });
    connectedWorld(src, 2);
    const meta = await store.create('From link', {
      scenario: { ...src.scenario(), settings: { suppressEcho: false } },
    });
    expect(meta.commandCount).toBe(src.sandbox.state.commandCount);
    const { s2s } = await store.open(meta.id);
    expect(s2s.settings().suppressEcho).toBe(false);
    expect(outcome(s2s)).toEqual(outcome(src));
    expect(s2s.now).toBe(src.now);
  });
});

function run(s: S2S, org: string) {
  const admin = s.orgs().find((o) => o.id === org)!.adminId;
  s.dispatch({
    type: 'record.create',
    org,
    as: admin,
    object: 'Account',
    values: { Name: 'Late' },
  });
}

describe('openStore', () => {
  it('uses IndexedDB when it works', async () => {
    const store = await openStore(`open-${Math.random()}`);
    expect(store.kind).toBe('indexeddb');
    expect(store.fallbackReason).toBeNull();
    store.close();
  });

  it('falls back to memory with a reason when IndexedDB is missing', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulating a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const store = await openStore('missing');
      expect(store.kind).toBe('memory');
      expect(store.fallbackReason).toMatch(/memory only/);
      const m = await store.create('Works anyway');
      expect((await store.open(m.id)).s2s.now).toBe(0);
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('falls back to memory when opening the database fails (private mode)', async () => {
    const saved = globalThis.indexedDB;
    const broken = Object.create(saved) as IDBFactory;
    broken.open = () => {
      throw new DOMException(
        'The user denied permission to access the database.',
        'InvalidStateError',
      );
    };
    globalThis.indexedDB = broken;
    try {
      const store = await openStore(`private-${Math.random()}`);
      expect(store.kind).toBe('memory');
      expect(store.fallbackReason).toMatch(/private window/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});
