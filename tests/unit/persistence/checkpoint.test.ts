import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import {
  assembleCheckpoint,
  CORE,
  CorruptCheckpointError,
  LOG_CHUNK,
  logPart,
  splitState,
  takeCheckpoint,
} from '../../../src/persistence/checkpoint.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { connectedWorld, freshStore } from './world.ts';

function world() {
  const s = S2S.create({ seed: 5 });
  connectedWorld(s, 3);
  return s;
}

describe('checkpoint parts', () => {
  it('splits a state into core, one row per org and log chunks, and puts it back', () => {
    const s = world();
    const cp = takeCheckpoint(s.sandbox, 0, true);
    expect(cp.parts.map((p) => p.part)).toEqual([CORE, 'org:acme', 'org:globex', logPart(0)]);
    expect(assembleCheckpoint(cp.parts)).toEqual(s.snapshot());
    // A copy: the simulation running on does not change a checkpoint already taken.
    s.runUntilIdle();
    expect(assembleCheckpoint(cp.parts)).not.toEqual(s.snapshot());
  });

  it('rewrites only the log chunks that grew', () => {
    const s = world();
    const state = s.snapshot();
    const extra = Array.from({ length: LOG_CHUNK * 2 }, (_, i) => ({
      ...state.log[0]!,
      i: state.log.length + i,
    }));
    state.log.push(...extra);
    const all = splitState(state, 0);
    const chunks = all.parts.filter((p) => p.part.startsWith('log:')).map((p) => p.part);
    expect(chunks).toEqual([logPart(0), logPart(1), logPart(2)]);
    const later = splitState(state, LOG_CHUNK + 10);
    expect(later.parts.filter((p) => p.part.startsWith('log:')).map((p) => p.part)).toEqual([
      logPart(1),
      logPart(2),
    ]);
  });

  it('refuses to assemble a checkpoint with a missing part', () => {
    const cp = takeCheckpoint(world().sandbox, 0);
    expect(assembleCheckpoint([])).toBeNull();
    expect(() => assembleCheckpoint(cp.parts.filter((p) => p.part !== 'org:globex'))).toThrow(
      CorruptCheckpointError,
    );
    expect(() => assembleCheckpoint(cp.parts.filter((p) => p.part !== logPart(0)))).toThrow(
      /log chunk 0/,
    );
  });
});

describe('checkpoint writes are atomic', () => {
  it('copies live parts at the call, so the simulation may run on during the write', async () => {
    const store = freshStore();
    const meta = await store.create('Live', { seed: 5 });
    const { s2s } = await store.open(meta.id);
    connectedWorld(s2s, 3);
    const expected = s2s.snapshot();
    const write = store.writeCheckpoint(meta.id, {
      data: takeCheckpoint(s2s.sandbox, 0),
      journal: [],
      full: true,
    });
    s2s.runUntilIdle(); // mutates the very objects just handed over
    await write;
    const back = await new DexieStore(store.db.name).open(meta.id);
    expect(back.s2s.snapshot()).toEqual(expected);
  });

  it('writes nothing for a sandbox deleted meanwhile', async () => {
    const store = freshStore();
    const meta = await store.create('Gone', { seed: 5 });
    const { s2s } = await store.open(meta.id);
    await store.remove(meta.id);
    await store.writeCheckpoint(meta.id, {
      data: takeCheckpoint(s2s.sandbox, 0),
      journal: [],
      full: true,
    });
    expect(await store.db.checkpoints.count()).toBe(0);
  });

  it('keeps the previous checkpoint whole when a write fails half-way', async () => {
    const store = freshStore();
    const meta = await store.create('Atomic', { seed: 5 });
    const { s2s } = await store.open(meta.id);
    connectedWorld(s2s, 3);
    const first = takeCheckpoint(s2s.sandbox, 0);
    const firstCopy = takeCheckpoint(s2s.sandbox, 0, true);
    await store.writeCheckpoint(meta.id, { data: first, journal: [], full: true });
    const before = await store.db.checkpoints.toArray();

    s2s.runUntilIdle();
    const second = takeCheckpoint(s2s.sandbox, 0);
    // The core and first org are put, then the second org cannot be stored: the transaction aborts.
    second.parts[2] = { part: 'org:globex', data: { cannot: () => 'be cloned' } };
    const entry = { index: 999, at: 0, command: { type: 'clock.step' as const } };
    await expect(
      store.writeCheckpoint(meta.id, { data: second, journal: [entry], full: true }),
    ).rejects.toThrow();

    expect(await store.db.checkpoints.toArray()).toEqual(before);
    expect(await store.db.journal.get([meta.id, 999])).toBeUndefined();
    const reopened = await new DexieStore(store.db.name).open(meta.id);
    expect(reopened.s2s.snapshot()).toEqual(assembleCheckpoint(firstCopy.parts));
    expect(reopened.meta.now).toBe(first.now);
  });
});
