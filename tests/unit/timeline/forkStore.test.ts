import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/persistence/memoryStore.ts';
import type { SandboxStore } from '../../../src/persistence/store.ts';
import { Autosave } from '../../../src/persistence/autosave.ts';
import { Timeline } from '../../../src/engine/timeline/timeline.ts';
import { freshStore, outcome } from '../persistence/world.ts';
import { playedRun } from './playedRun.ts';

describe.each([
  ['DexieStore', () => freshStore()],
  ['MemoryStore', () => new MemoryStore('test')],
] as [string, () => SandboxStore][])('%s keeps forks and the rewound position', (_name, make) => {
  it('saves a fork made on a rewound run as its own sandbox of the same lineage, and keeps saving it', async () => {
    const store = make();
    const { s, A, acc } = playedRun(6, 2);
    const original = await store.create('Demo', { scenario: s.scenario(), startCommands: 2 });
    expect(original.startCommands).toBe(2);
    const tl = Timeline.of(s);
    const fork = tl.seek(tl.total - 4);
    fork.dispatch({ type: 'record.update', org: 'a', as: A, id: acc, values: { Phone: 'fork' } });
    const { meta, written } = store.saveRunning('Demo · fork at event 9', fork, {
      lineage: original.id,
      forkOf: original.id,
      forkedAt: 9,
      startCommands: 2,
    });
    // Saved as it was when asked, whatever happens next.
    const autosave = new Autosave(store, meta.id, fork, { lock: null, intervalMs: 0 });
    fork.dispatch({ type: 'record.update', org: 'a', as: A, id: acc, values: { Phone: 'later' } });
    await written;
    await autosave.start();
    await autosave.flush();
    await autosave.stop();
    expect(await store.lastOpenedId()).toBe(meta.id);
    const list = await store.list();
    expect(list.find((m) => m.id === meta.id)).toMatchObject({
      lineage: original.id,
      forkOf: original.id,
      forkedAt: 9,
    });
    const reopened = await store.open(meta.id);
    expect(outcome(reopened.s2s)).toEqual(outcome(fork));
    expect(reopened.s2s.scenario()).toEqual(fork.scenario());
    expect(reopened.s2s.record('a', acc)?.record.fields.Phone).toBe('later');
    // The original is untouched.
    const first = await store.open(original.id);
    expect(first.s2s.record('a', acc)?.record.fields.Phone).toBe(
      s.record('a', acc)?.record.fields.Phone,
    );
    store.close();
  });

  it('remembers the rewound position in the sandbox’s meta', async () => {
    const store = make();
    const m = await store.create('Demo', { seed: 3 });
    await store.setTimelineMeta(m.id, { rewoundTo: 37 });
    expect((await store.open(m.id)).meta.rewoundTo).toBe(37);
    await store.setTimelineMeta(m.id, { rewoundTo: null });
    expect((await store.list())[0]!.rewoundTo).toBeNull();
    store.close();
  });
});
