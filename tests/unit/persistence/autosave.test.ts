import { recordIds, recordOf } from '../../../src/engine/org/recordCopies.ts';
import { describe, expect, it, vi } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import {
  Autosave,
  QUOTA_MESSAGE,
  type AutosaveOptions,
} from '../../../src/persistence/autosave.ts';
import { bucketOf, type CheckpointData } from '../../../src/persistence/checkpoint.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { MemoryStore } from '../../../src/persistence/memoryStore.ts';
import type { SandboxStore } from '../../../src/persistence/store.ts';
import { connectedWorld, freshStore, outcome, run } from './world.ts';

const quiet: AutosaveOptions = { lock: null, pageEvents: false, intervalMs: 60_000 };

async function openWith(store: SandboxStore, opts: AutosaveOptions = quiet, seed = 3) {
  const meta = await store.create('Test', { seed });
  const { s2s } = await store.open(meta.id);
  const save = new Autosave(store, meta.id, s2s, opts);
  await save.start();
  return { id: meta.id, s2s, save };
}

const settled = (save: Autosave) => vi.waitFor(() => expect(save.status).toBe('saved'));

describe('Autosave', () => {
  it('makes a command durable without any checkpoint', async () => {
    const store = freshStore();
    const checkpoint = vi.spyOn(store, 'writeCheckpoint');
    const { id, s2s, save } = await openWith(store);
    s2s.dispatch({ type: 'org.create', org: 'acme', name: 'Acme' });
    await settled(save);
    expect(checkpoint).not.toHaveBeenCalled();
    // A new store instance is what a reloaded tab sees.
    const reloaded = await new DexieStore(store.db.name).open(id);
    expect(reloaded.s2s.orgs().map((o) => o.name)).toEqual(['Acme']);
    expect(reloaded.meta.commandCount).toBe(1);
  });

  it('writes a burst of commands in one transaction', async () => {
    const store = freshStore();
    const append = vi.spyOn(store, 'appendJournal');
    const { s2s, save } = await openWith(store);
    for (let i = 0; i < 10; i++) s2s.dispatch({ type: 'org.create', org: `o${i}`, name: `O${i}` });
    await settled(save);
    expect(append).toHaveBeenCalledTimes(1);
    expect(append.mock.calls[0]![1].map((e) => e.index)).toEqual([...Array(10).keys()]);
  });

  it('restores a reload mid-flight to the same end state as an uninterrupted run', async () => {
    const store = freshStore();
    const { id, s2s, save } = await openWith(store, quiet, 11);
    const { A, ids } = connectedWorld(s2s, 6);
    s2s.sandbox.advance(30_000); // the play loop moves time without commands
    expect(s2s.inFlight().length).toBeGreaterThan(0);
    await save.flush();
    // After the checkpoint: more commands (journal only) and a little more time (lost).
    s2s.dispatch({
      type: 'record.update',
      org: 'acme',
      as: A,
      id: ids[0]!,
      values: { Phone: 'x' },
    });
    s2s.sandbox.advance(500);
    await settled(save);
    // The tab dies here: no flush, no stop.
    const { s2s: back } = await new DexieStore(store.db.name).open(id);
    expect(back.inFlight().length).toBe(s2s.inFlight().length);
    back.runUntilIdle();
    s2s.runUntilIdle();
    expect(outcome(back)).toEqual(outcome(s2s));

    // And the same as a fresh run of the same seed and commands.
    const fresh = S2S.create({ seed: 11 });
    connectedWorld(fresh, 6);
    fresh.sandbox.advance(30_000);
    fresh.dispatch({
      type: 'record.update',
      org: 'acme',
      as: A,
      id: ids[0]!,
      values: { Phone: 'x' },
    });
    fresh.runUntilIdle();
    expect(outcome(back)).toEqual(outcome(fresh));
    expect(back.check().findings).toEqual(fresh.check().findings);
  });

  it('throttles checkpoints while the simulation runs', async () => {
    const store = freshStore();
    const checkpoint = vi.spyOn(store, 'writeCheckpoint');
    const { s2s, save } = await openWith(store, { ...quiet, intervalMs: 40 });
    connectedWorld(s2s, 3);
    const until = Date.now() + 300;
    while (Date.now() < until) {
      s2s.sandbox.advance(100);
      await new Promise((r) => setTimeout(r, 5));
    }
    await save.flush();
    // ~300 ms / 40 ms, plus the flush; far fewer than the ~50 changes.
    expect(checkpoint.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(checkpoint.mock.calls.length).toBeLessThanOrEqual(10);
    expect(checkpoint.mock.calls[0]![1].full).toBe(true);
    expect(checkpoint.mock.calls[1]![1].full).toBe(false);
  });

  it('stops with a message when the quota is exceeded', async () => {
    const store = freshStore();
    const { s2s, save } = await openWith(store);
    const statuses: string[] = [];
    save.onStatus((s) => statuses.push(s));
    const quota = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    });
    const append = vi.spyOn(store, 'appendJournal').mockRejectedValue(quota);
    s2s.dispatch({ type: 'org.create', org: 'acme', name: 'Acme' });
    await vi.waitFor(() => expect(save.status).toBe('error'));
    expect(save.message).toBe(QUOTA_MESSAGE);
    expect(statuses).toContain('saving');
    s2s.dispatch({ type: 'org.create', org: 'globex', name: 'Globex' });
    await save.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(append).toHaveBeenCalledTimes(1);
    // The sandbox still works, and export (the way out) still reads what was saved.
    expect(s2s.orgs()).toHaveLength(2);
  });

  it('retries with a full checkpoint after another error', async () => {
    const store = freshStore();
    const { id, s2s, save } = await openWith(store, { ...quiet, intervalMs: 20 });
    connectedWorld(s2s, 2);
    await save.flush();
    const real = store.writeCheckpoint.bind(store);
    const spy = vi
      .spyOn(store, 'writeCheckpoint')
      .mockRejectedValueOnce(new Error('disk hiccup'))
      .mockImplementation(real);
    s2s.dispatch({ type: 'org.create', org: 'initech', name: 'Initech' });
    s2s.sandbox.advance(1000);
    const seen: string[] = [];
    save.onStatus((s, m) => seen.push(`${s}${m ? `: ${m}` : ''}`));
    await vi.waitFor(() => expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2));
    await settled(save);
    expect(seen.some((s) => s.startsWith('error: Saving failed (disk hiccup)'))).toBe(true);
    expect(spy.mock.calls[1]![1].full).toBe(true);
    const back = await new DexieStore(store.db.name).open(id);
    expect(back.s2s.now).toBe(s2s.now);
    expect(outcome(back.s2s)).toEqual(outcome(s2s));
  });

  it('flushes before export and duplicate', async () => {
    const store = freshStore();
    const { id, s2s, save } = await openWith(store);
    connectedWorld(s2s, 2);
    s2s.sandbox.advance(10_000);
    const file = await store.exportFile(id);
    expect(file.state.now).toBe(s2s.now);
    await save.stop();
  });
});

const recordOrder = (s: S2S) =>
  s.sandbox.state.orgOrder.map((id) => recordIds(s.sandbox.state.orgs[id]!));

/** A saved sandbox of a connected world with `extra` more Accounts, checkpointed and closed. */
async function savedWorld(store: SandboxStore, extra: number) {
  const { id, s2s, save } = await openWith(store, quiet, 13);
  const w = connectedWorld(s2s, 4);
  for (let i = 0; i < extra; i++)
    run(s2s, [
      {
        type: 'record.create',
        org: 'acme',
        as: w.A,
        object: 'Account',
        values: { Name: `B${i}` },
      },
    ]);
  await save.flush();
  await save.stop();
  return { id, ...w };
}

describe.each([
  ['DexieStore', () => freshStore()],
  ['MemoryStore', () => new MemoryStore('test')],
] as [string, () => SandboxStore][])('Autosave incremental checkpoints (%s)', (_name, make) => {
  it('after open, writes only the rows that changed, and a reload sees exactly the live state', async () => {
    const store = make();
    const { id, A, G, ids } = await savedWorld(store, 1100);
    const { s2s } = await store.open(id);
    const save = new Autosave(store, id, s2s, quiet);
    await save.start();
    const spy = vi.spyOn(store, 'writeCheckpoint');
    const acme = s2s.sandbox.state.orgs.acme!;
    const inBucket = (b: string) => recordIds(acme).filter((r) => bucketOf(r) === b);
    const [edited] = inBucket('001A.1');
    const deleted = inBucket('001A.2').slice(0, 3);
    run(s2s, [{ type: 'record.update', org: 'acme', as: A, id: edited!, values: { Phone: '9' } }]);
    for (const r of deleted) run(s2s, [{ type: 'record.delete', org: 'acme', as: A, id: r }]);
    // New records, of two objects, in the order they were created.
    for (const n of ['N1', 'N2'])
      run(s2s, [
        { type: 'record.create', org: 'acme', as: A, object: 'Contact', values: { LastName: n } },
        { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: n } },
      ]);
    s2s.sandbox.advance(30_000); // the forwarded updates arrive at globex
    run(s2s, [
      { type: 'user.create', org: 'globex', as: G, name: 'Kim', profile: 'Standard User' },
    ]);
    await save.flush();

    expect(spy).toHaveBeenCalledTimes(1);
    const { data, full } = spy.mock.calls[0]![1];
    expect(full).toBe(false);
    const written = (data as CheckpointData).parts.map((p) => p.part);
    const recs = written.filter((p) => p.startsWith('rec:'));
    expect(recs).toContain('rec:acme:001A.1');
    expect(recs).toContain('rec:acme:001A.2');
    expect(recs).not.toContain('rec:acme:001A.0');
    expect(written).toContain('org:globex');
    expect(save.stats.fullCheckpoints).toBe(0);

    // Straight from the rows (the journal after the checkpoint is empty).
    const back = await store.open(id);
    expect(back.s2s.snapshot()).toEqual(s2s.snapshot());
    expect(recordOrder(back.s2s)).toEqual(recordOrder(s2s));
    for (const r of deleted) expect(recordOf(back.s2s.sandbox.state.orgs.acme!, r)).toBeUndefined();
    expect(recordOf(back.s2s.sandbox.state.orgs.acme!, edited!)!.fields.Phone).toBe('9');
    back.s2s.runUntilIdle();
    s2s.runUntilIdle();
    expect(outcome(back.s2s)).toEqual(outcome(s2s));
    expect(ids.length).toBe(4);
    await save.stop();
  });

  it('keeps what a failed write held and rewrites everything next, losing nothing', async () => {
    const store = make();
    const { id, A } = await savedWorld(store, 600);
    const { s2s } = await store.open(id);
    const save = new Autosave(store, id, s2s, { ...quiet, intervalMs: 20 });
    await save.start();
    const real = store.writeCheckpoint.bind(store);
    const spy = vi
      .spyOn(store, 'writeCheckpoint')
      .mockRejectedValueOnce(new Error('disk hiccup'))
      .mockImplementation(real);
    const victim = recordIds(s2s.sandbox.state.orgs.acme!).at(-1)!;
    run(s2s, [{ type: 'record.delete', org: 'acme', as: A, id: victim }]);
    s2s.sandbox.advance(1000);
    await vi.waitFor(() => expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2));
    await settled(save);
    expect(spy.mock.calls[0]![1].full).toBe(false);
    expect(spy.mock.calls[1]![1].full).toBe(true);
    // Back to small writes after that.
    run(s2s, [
      {
        type: 'record.update',
        org: 'acme',
        as: A,
        id: recordIds(s2s.sandbox.state.orgs.acme!)[0]!,
        values: { Phone: '1' },
      },
    ]);
    await save.flush();
    expect(spy.mock.calls.at(-1)![1].full).toBe(false);
    const back = await store.open(id);
    expect(back.s2s.snapshot()).toEqual(s2s.snapshot());
    expect(recordOf(back.s2s.sandbox.state.orgs.acme!, victim)).toBeUndefined();
    await save.stop();
  });

  it('rewrites everything, without an error, when another tab saved meanwhile', async () => {
    const store = make();
    const { id } = await savedWorld(store, 10);
    const { s2s } = await store.open(id);
    // Another tab opens it too, runs on and saves (the lock changed hands in between).
    const other = await store.open(id);
    const otherSave = new Autosave(store, id, other.s2s, quiet);
    await otherSave.start();
    other.s2s.sandbox.advance(20_000);
    await otherSave.flush();
    await otherSave.stop();

    const save = new Autosave(store, id, s2s, quiet);
    await save.start();
    const seen: string[] = [];
    save.onStatus((st) => seen.push(st));
    const spy = vi.spyOn(store, 'writeCheckpoint');
    s2s.sandbox.advance(3000);
    await save.flush();
    expect(spy.mock.calls.map((c) => c[1].full)).toEqual([false, true]);
    expect(seen).not.toContain('error');
    const back = await store.open(id);
    expect(back.s2s.snapshot()).toEqual(s2s.snapshot());
    await save.stop();
  });
});
