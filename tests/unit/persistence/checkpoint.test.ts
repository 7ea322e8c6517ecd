import { recordIds } from '../../../src/engine/org/recordCopies.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { LogEntry } from '../../../src/engine/sim/log.ts';
import type { FieldHistoryEntry } from '../../../src/engine/state/org.ts';
import {
  assembleCheckpoint,
  BUCKET_SIZE,
  bucketOf,
  bucketPart,
  CORE,
  CorruptCheckpointError,
  HASH_BUCKETS,
  HISTORY_CHUNK,
  historyPart,
  LOG_CHUNK,
  logPart,
  orgPart,
  REV,
  splitState,
  StaleCheckpointError,
  takeCheckpoint,
  type CoreState,
} from '../../../src/persistence/checkpoint.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { connectedWorld, freshStore, run } from './world.ts';

function world() {
  const s = S2S.create({ seed: 5 });
  connectedWorld(s, 3);
  return s;
}

/** A connected world whose acme org has `count` more Accounts (several buckets). */
function bigWorld(count: number) {
  const s = S2S.create({ seed: 8 });
  const w = connectedWorld(s, 3);
  s.runUntilIdle();
  for (let i = 0; i < count; i++)
    run(s, [
      {
        type: 'record.create',
        org: 'acme',
        as: w.A,
        object: 'Account',
        values: { Name: `Bulk ${i}` },
      },
    ]);
  return { s, ...w };
}

const names = (parts: { part: string }[]) => parts.map((p) => p.part);
const recordOrder = (s: S2S) =>
  s.sandbox.state.orgOrder.map((id) => recordIds(s.sandbox.state.orgs[id]!));

describe('record buckets', () => {
  it('puts engine ids in buckets of BUCKET_SIZE by prefix, org tag and counter', () => {
    expect(bucketOf('001A00000000042')).toBe('001A.0');
    expect(bucketOf('001A00000000499')).toBe('001A.0');
    expect(bucketOf('001A00000000500')).toBe('001A.1');
    expect(bucketOf('003B00000001999')).toBe('003B.3');
    expect(bucketOf('a00C00000012345')).toBe(`a00C.${Math.floor(12345 / BUCKET_SIZE)}`);
  });

  it('hashes any other id into a fixed set of buckets, stably', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const b = bucketOf(`odd-${i}`);
      expect(b).toBe(bucketOf(`odd-${i}`));
      expect(b).toMatch(/^#\d+$/);
      seen.add(b);
    }
    expect(seen.size).toBeLessThanOrEqual(HASH_BUCKETS);
    expect(seen.size).toBeGreaterThan(HASH_BUCKETS / 2);
  });
});

describe('checkpoint parts', () => {
  it('splits a state into core, rev, org rows, record buckets, history and log chunks, and puts it back', () => {
    const s = world();
    const cp = takeCheckpoint(s.sandbox, { copy: true });
    const parts = names(cp.data.parts);
    expect(parts.slice(0, 4)).toEqual([CORE, REV, 'org:acme', bucketPart('acme', '001A.0')]);
    expect(parts).toContain(orgPart('globex'));
    expect(parts).toContain(historyPart('acme', 0));
    expect(parts).toContain(logPart(0));
    const org = cp.data.parts.find((p) => p.part === orgPart('acme'))!.data as object;
    expect(org).not.toHaveProperty('records');
    expect(org).not.toHaveProperty('history');
    const core = cp.data.parts[0]!.data as CoreState;
    expect(core.layout.acme!.buckets).toContain('001A.0');
    expect(core.layout.acme!.historyLength).toBe(s.sandbox.state.orgs.acme!.history.length);
    const back = assembleCheckpoint(cp.data.parts)!;
    expect(back).toEqual(s.snapshot());
    // The records come back in their original order (the engine iterates them).
    expect(back.orgOrder.map((id) => recordIds(back.orgs[id]!))).toEqual(recordOrder(s));
    // A copy: the simulation running on does not change a checkpoint already taken.
    s.runUntilIdle();
    expect(assembleCheckpoint(cp.data.parts)).not.toEqual(s.snapshot());
  });

  it('keeps at most BUCKET_SIZE records a bucket', () => {
    const { s } = bigWorld(1200);
    const cp = takeCheckpoint(s.sandbox);
    const buckets = cp.data.parts.filter((p) => p.part.startsWith('rec:acme:001A.'));
    expect(buckets.map((p) => p.part)).toEqual([
      'rec:acme:001A.0',
      'rec:acme:001A.1',
      'rec:acme:001A.2',
    ]);
    for (const b of buckets)
      expect((b.data as { records: unknown[] }).records.length).toBeLessThanOrEqual(BUCKET_SIZE);
  });

  it('writes only what changed: dirty buckets and org rows, new log and history chunks', () => {
    const { s, A } = bigWorld(1200);
    s.sandbox.takeDirty();
    const first = takeCheckpoint(s.sandbox);
    const ids = recordIds(s.sandbox.state.orgs.acme!);
    const target = ids.find((id) => bucketOf(id) === '001A.1')!;
    run(s, [{ type: 'record.update', org: 'acme', as: A, id: target, values: { Phone: '1' } }]);
    const next = takeCheckpoint(s.sandbox, { base: first.layout, dirty: s.sandbox.takeDirty() });
    expect(names(next.data.parts)).toEqual([
      CORE,
      REV,
      bucketPart('acme', '001A.1'),
      historyPart('acme', 0),
      logPart(0),
    ]);
    expect(next.data.drop).toEqual([]);
    expect(next.data.baseRev).toBe(first.data.rev);
    expect(next.data.rev).not.toBe(first.data.rev);

    // Only time moved: core and rev.
    s.sandbox.advance(10);
    const idle = takeCheckpoint(s.sandbox, { base: next.layout, dirty: s.sandbox.takeDirty() });
    expect(names(idle.data.parts)).toEqual([CORE, REV]);
  });

  it('drops a bucket whose last record was deleted', () => {
    const { s, A } = bigWorld(501);
    s.sandbox.takeDirty();
    const first = takeCheckpoint(s.sandbox);
    const last = recordIds(s.sandbox.state.orgs.acme!).filter((id) => bucketOf(id) === '001A.1');
    expect(last.length).toBeGreaterThan(0);
    for (const id of last) run(s, [{ type: 'record.delete', org: 'acme', as: A, id }]);
    const next = takeCheckpoint(s.sandbox, { base: first.layout, dirty: s.sandbox.takeDirty() });
    expect(next.data.drop).toEqual([bucketPart('acme', '001A.1')]);
    const core = next.data.parts[0]!.data as CoreState;
    expect(core.layout.acme!.buckets).not.toContain('001A.1');
  });

  it('rewrites only the log and history chunks that grew', () => {
    const s = world();
    const state = s.snapshot();
    const extra = Array.from({ length: LOG_CHUNK * 2 }, (_, i) => ({
      ...state.log[0]!,
      i: state.log.length + i,
    })) as LogEntry[];
    state.log.push(...extra);
    const h = state.orgs.acme!.history;
    const more = Array.from({ length: HISTORY_CHUNK + 10 }, () => ({
      ...h[0]!,
    })) as FieldHistoryEntry[];
    h.push(...more);
    const all = splitState(state);
    const chunks = (p: string) => names(all.data.parts).filter((n) => n.startsWith(p));
    expect(chunks('log:')).toEqual([logPart(0), logPart(1), logPart(2)]);
    expect(chunks('hist:acme:')).toEqual([historyPart('acme', 0), historyPart('acme', 1)]);
    expect(assembleCheckpoint(all.data.parts)).toEqual(state);

    const sb = S2S.restore(structuredClone(state)).sandbox;
    const base = takeCheckpoint(sb).layout;
    sb.takeDirty();
    sb.state.orgs.acme!.history.push(...more.slice(0, 5));
    sb.state.log.push(...extra.slice(0, 5));
    const later = takeCheckpoint(sb, { base, dirty: sb.takeDirty() });
    expect(names(later.data.parts)).toEqual([CORE, REV, historyPart('acme', 1), logPart(2)]);
    // The rows on disk after both writes are the state now.
    expect(assembleCheckpoint([...all.data.parts, ...later.data.parts])).toEqual(sb.snapshot());
  });

  it('refuses to assemble a checkpoint with a missing part', () => {
    const { s } = bigWorld(600);
    const { parts } = takeCheckpoint(s.sandbox).data;
    const without = (name: string) => parts.filter((p) => p.part !== name);
    expect(assembleCheckpoint([])).toBeNull();
    expect(() => assembleCheckpoint(without('org:globex'))).toThrow(CorruptCheckpointError);
    expect(() => assembleCheckpoint(without(logPart(0)))).toThrow(/log chunk 0/);
    expect(() => assembleCheckpoint(without(bucketPart('acme', '001A.1')))).toThrow(
      /lacks records 001A.1/,
    );
    expect(() => assembleCheckpoint(without(historyPart('acme', 0)))).toThrow(/history chunk 0/);
  });
});

/** Counts the rows each IndexedDB object store is asked to put. */
function countPuts() {
  const counts = new Map<string, number>();
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    counts.set(this.name, (counts.get(this.name) ?? 0) + 1);
    return put.apply(this, args);
  });
  return counts;
}

describe('checkpoint writes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an incremental write puts only the rows that changed', async () => {
    const store = freshStore();
    const meta = await store.create('Rows', { seed: 8 });
    const { s2s } = await store.open(meta.id);
    const layout = store.takeLayout(s2s);
    expect(layout).toBeNull(); // a new sandbox has no checkpoint yet
    const { A } = connectedWorld(s2s, 3);
    for (let i = 0; i < 1100; i++)
      run(s2s, [
        { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: `B${i}` } },
      ]);
    s2s.sandbox.takeDirty();
    const first = takeCheckpoint(s2s.sandbox);
    await store.writeCheckpoint(meta.id, { data: first.data, journal: [], full: true });

    const counts = countPuts();
    const id = recordIds(s2s.sandbox.state.orgs.acme!).find((r) => bucketOf(r) === '001A.2')!;
    run(s2s, [{ type: 'record.update', org: 'acme', as: A, id, values: { Phone: '2' } }]);
    const next = takeCheckpoint(s2s.sandbox, {
      base: first.layout,
      dirty: s2s.sandbox.takeDirty(),
    });
    await store.writeCheckpoint(meta.id, { data: next.data, journal: [], full: false });
    // core, rev, the one bucket, acme's history chunk, the log's last chunk.
    expect(counts.get('checkpoints')).toBe(5);
    expect(counts.get('sandboxes')).toBe(1);
    vi.restoreAllMocks();

    const back = await new DexieStore(store.db.name).open(meta.id);
    expect(back.s2s.snapshot()).toEqual(s2s.snapshot());
    expect(recordOrder(back.s2s)).toEqual(recordOrder(s2s));
  });

  it('copies live parts at the call, so the simulation may run on during the write', async () => {
    const store = freshStore();
    const meta = await store.create('Live', { seed: 5 });
    const { s2s } = await store.open(meta.id);
    connectedWorld(s2s, 3);
    const expected = s2s.snapshot();
    const write = store.writeCheckpoint(meta.id, {
      data: takeCheckpoint(s2s.sandbox).data,
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
      data: takeCheckpoint(s2s.sandbox).data,
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
    s2s.sandbox.takeDirty();
    const first = takeCheckpoint(s2s.sandbox);
    const firstCopy = takeCheckpoint(s2s.sandbox, { copy: true });
    await store.writeCheckpoint(meta.id, { data: first.data, journal: [], full: true });
    const before = await store.db.checkpoints.toArray();

    s2s.runUntilIdle();
    const second = takeCheckpoint(s2s.sandbox, {
      base: first.layout,
      dirty: s2s.sandbox.takeDirty(),
    });
    expect(second.data.parts.length).toBeGreaterThan(3);
    // Core, rev and the first rows are put, then a row cannot be stored: the transaction aborts.
    second.data.parts[3] = { part: 'org:globex', data: { cannot: () => 'be cloned' } };
    const entry = { index: 999, at: 0, command: { type: 'clock.step' as const } };
    await expect(
      store.writeCheckpoint(meta.id, { data: second.data, journal: [entry], full: false }),
    ).rejects.toThrow();

    expect(await store.db.checkpoints.toArray()).toEqual(before);
    expect(await store.db.journal.get([meta.id, 999])).toBeUndefined();
    const reopened = await new DexieStore(store.db.name).open(meta.id);
    expect(reopened.s2s.snapshot()).toEqual(assembleCheckpoint(firstCopy.data.parts));
    expect(reopened.meta.now).toBe(first.data.now);
  });

  it('refuses an incremental write on top of another checkpoint than its base', async () => {
    const store = freshStore();
    const meta = await store.create('Stale', { seed: 5 });
    const { s2s } = await store.open(meta.id);
    connectedWorld(s2s, 2);
    s2s.sandbox.takeDirty();
    const first = takeCheckpoint(s2s.sandbox);
    await store.writeCheckpoint(meta.id, { data: first.data, journal: [], full: true });
    const before = await store.db.checkpoints.toArray();
    // Another tab writes a checkpoint of its own.
    const other = splitState(s2s.snapshot()).data;
    await store.writeCheckpoint(meta.id, { data: other, journal: [], full: true });
    const theirs = await store.db.checkpoints.toArray();
    expect(theirs).not.toEqual(before);

    s2s.sandbox.advance(5000);
    const next = takeCheckpoint(s2s.sandbox, {
      base: first.layout,
      dirty: s2s.sandbox.takeDirty(),
    });
    await expect(
      store.writeCheckpoint(meta.id, { data: next.data, journal: [], full: false }),
    ).rejects.toBeInstanceOf(StaleCheckpointError);
    expect(await store.db.checkpoints.toArray()).toEqual(theirs);
  });
});
