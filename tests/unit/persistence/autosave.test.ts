import { describe, expect, it, vi } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import {
  Autosave,
  QUOTA_MESSAGE,
  type AutosaveOptions,
} from '../../../src/persistence/autosave.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import type { SandboxStore } from '../../../src/persistence/store.ts';
import { connectedWorld, freshStore, outcome } from './world.ts';

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
