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
  emptyDirty,
  restoreCheckpoint,
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
    const savedLog = s.sandbox.state.log.length;
    run(s, [{ type: 'record.update', org: 'acme', as: A, id: target, values: { Phone: '1' } }]);
    const next = takeCheckpoint(s.sandbox, { base: first.layout, dirty: s.sandbox.takeDirty() });
    expect(names(next.data.parts)).toEqual([
      CORE,
      REV,
      bucketPart('acme', '001A.1'),
      historyPart('acme', 0),
      logPart(Math.floor(savedLog / LOG_CHUNK)),
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

  it('marks as frozen only rows the simulation never changes after they are taken, and builds them as they were then', () => {
    const s = world();
    const A = s.orgs()[0]!.adminId;
    s.sandbox.takeDirty();
    const first = takeCheckpoint(s.sandbox);
    const disk = new Map(first.data.parts.map((p) => [p.part, structuredClone(p.data)]));
    const kinds = first.data.parts.filter((p) => p.frozen).map((p) => p.part.split(':')[0]);
    expect(kinds).toEqual(expect.arrayContaining(['rec', 'pnrc', 'hist', 'log', 'msg']));
    for (const p of first.data.parts)
      if (['core', 'rev', 'org'].includes(p.part.split(':')[0]!)) expect(p.frozen).toBeUndefined();

    // Deliveries and an edit, then an incremental take whose rows are not read yet.
    s.sandbox.advance(61_000);
    const ids = recordIds(s.sandbox.state.orgs.acme!);
    run(s, [{ type: 'record.update', org: 'acme', as: A, id: ids[3]!, values: { Phone: '7' } }]);
    const expected = s.snapshot();
    const next = takeCheckpoint(s.sandbox, { base: first.layout, dirty: s.sandbox.takeDirty() });
    const live = next.data.parts.filter((p) => !p.frozen);
    for (const p of live) disk.set(p.part, structuredClone(p.data));
    expect(names(next.data.parts)).toContain(bucketPart('acme', bucketOf(ids[3]!)));

    // The simulation runs on before the frozen rows are read, as between a store's slices.
    run(s, [{ type: 'record.update', org: 'acme', as: A, id: ids[3]!, values: { Phone: '8' } }]);
    run(s, [{ type: 'record.delete', org: 'acme', as: A, id: ids[4]! }]);
    s.runUntilIdle();
    for (const o of s.orgs()) {
      const indexes = s.notifications(o.id).map((_, i) => i);
      s.run([{ type: 'notification.markRead', org: o.id, as: o.adminId, indexes }]);
    }
    for (const p of next.data.parts) if (p.frozen) disk.set(p.part, structuredClone(p.data));
    for (const d of next.data.drop) disk.delete(d);
    const rows = [...disk].map(([part, data]) => ({ part, data }));
    expect(assembleCheckpoint(rows)).toEqual(expected);
  });

  it('reads log and history rows cut in 5,000-entry chunks (database version 4) and recuts them on the next checkpoint', () => {
    const s = world();
    const state = s.snapshot();
    const entry = state.log[0]!;
    for (let i = 0; state.log.length < 12_345; i++) state.log.push({ ...entry, t: i });
    const h = state.orgs.acme!.history;
    while (h.length < 6_100) h.push({ ...h[0]! });
    // The rows as version 4 wrote them: core without chunk sizes, 5,000 entries a chunk.
    const v4 = splitState(state).data.parts.filter(
      (p) => !p.part.startsWith('log:') && !p.part.startsWith('hist:acme:'),
    );
    const core = v4.find((p) => p.part === CORE)!;
    const { chunks: _c, ...coreV4 } = core.data as CoreState;
    core.data = coreV4;
    const cut = <T>(xs: T[], name: (c: number) => string) =>
      Array.from({ length: Math.ceil(xs.length / 5000) }, (_, c) => ({
        part: name(c),
        data: xs.slice(c * 5000, (c + 1) * 5000),
      }));
    v4.push(...cut(state.log, logPart), ...cut(h, (c) => historyPart('acme', c)));
    expect(v4.filter((p) => p.part.startsWith('log:'))).toHaveLength(3);

    const back = restoreCheckpoint(v4)!;
    expect(assembleCheckpoint(v4)).toEqual(state);
    expect(back.layout.chunks).toEqual({ log: 5000, history: 5000 });
    const sb = S2S.restore(back.state).sandbox;
    sb.takeDirty();
    const next = takeCheckpoint(sb, { base: back.layout, dirty: emptyDirty() });
    const logRows = names(next.data.parts).filter((n) => n.startsWith('log:'));
    expect(logRows).toHaveLength(Math.ceil(12_345 / LOG_CHUNK));
    expect(names(next.data.parts).filter((n) => n.startsWith('hist:acme:'))).toHaveLength(
      Math.ceil(6_100 / HISTORY_CHUNK),
    );
    expect((next.data.parts[0]!.data as CoreState).chunks).toEqual({
      log: LOG_CHUNK,
      history: HISTORY_CHUNK,
    });
    // Today's rows over version 4's: what a reader finds on disk afterwards.
    const onDisk = new Map(v4.map((p) => [p.part, p.data]));
    for (const p of next.data.parts) onDisk.set(p.part, p.data);
    for (const d of next.data.drop) onDisk.delete(d);
    const rows = [...onDisk].map(([part, data]) => ({ part, data }));
    expect(assembleCheckpoint(rows)).toEqual(sb.snapshot());
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

/** A saved sandbox of a connected world, checkpointed once in full; the rows on disk then. */
async function savedOnce(name: string, accounts: number) {
  const store = freshStore();
  const meta = await store.create(name, { seed: 5 });
  const { s2s } = await store.open(meta.id);
  connectedWorld(s2s, accounts);
  s2s.sandbox.takeDirty();
  const first = takeCheckpoint(s2s.sandbox);
  await store.writeCheckpoint(meta.id, { data: first.data, journal: [], full: true });
  const before = await store.db.checkpoints.toArray();
  return { store, meta, s2s, first, before };
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

  it('spreads the frozen rows over several tasks and still writes the state of the call', async () => {
    const store = freshStore();
    store.sliceMs = 0; // one row a task
    const meta = await store.create('Slices', { seed: 8 });
    const { s2s } = await store.open(meta.id);
    const { A } = connectedWorld(s2s, 3);
    for (let i = 0; i < 1100; i++)
      run(s2s, [
        { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: `B${i}` } },
      ]);
    const expected = s2s.snapshot();
    const cp = takeCheckpoint(s2s.sandbox);
    const frozen = cp.data.parts.filter((p) => p.frozen).length;
    const slices: number[] = [];
    let between = 0;
    // The simulation runs in the tasks between slices, as a playing clock does.
    const tick = setInterval(() => {
      between++;
      s2s.sandbox.advance(30_000); // the updates in flight arrive
      const id = recordIds(s2s.sandbox.state.orgs.acme!)[between]!;
      run(s2s, [
        { type: 'record.update', org: 'acme', as: A, id, values: { Phone: `${between}` } },
      ]);
    }, 0);
    await store.writeCheckpoint(meta.id, {
      data: cp.data,
      journal: [],
      full: true,
      onSlice: (ms) => slices.push(ms),
    });
    clearInterval(tick);
    expect(frozen).toBeGreaterThan(5);
    expect(slices).toHaveLength(frozen);
    expect(between).toBeGreaterThan(0);
    const back = await new DexieStore(store.db.name).open(meta.id);
    expect(back.s2s.snapshot()).toEqual(expected);
  });

  it('keeps the previous checkpoint whole when a later slice cannot store its row', async () => {
    const { store, meta, s2s, first, before } = await savedOnce('Atomic slices', 3);
    store.sliceMs = 0;
    s2s.runUntilIdle();
    const second = takeCheckpoint(s2s.sandbox, {
      base: first.layout,
      dirty: s2s.sandbox.takeDirty(),
    });
    const frozen = second.data.parts.filter((p) => p.frozen);
    expect(frozen.length).toBeGreaterThan(1);
    frozen.at(-1)!.data = { cannot: () => 'be cloned' };
    const entry = { index: 999, at: 0, command: { type: 'clock.step' as const } };
    await expect(
      store.writeCheckpoint(meta.id, { data: second.data, journal: [entry], full: false }),
    ).rejects.toThrow(/clone/i);
    expect(await store.db.checkpoints.toArray()).toEqual(before);
    expect(await store.db.journal.get([meta.id, 999])).toBeUndefined();
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
    const { store, meta, s2s, first, before } = await savedOnce('Atomic', 3);
    const firstCopy = assembleCheckpoint(before);

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
    expect(reopened.s2s.snapshot()).toEqual(firstCopy);
    expect(reopened.meta.now).toBe(first.data.now);
  });

  it('refuses an incremental write on top of another checkpoint than its base', async () => {
    const { store, meta, s2s, first, before } = await savedOnce('Stale', 2);
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
