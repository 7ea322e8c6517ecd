import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { SandboxState } from '../../../src/engine/state/sandboxState.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { migrateState, StateFormatError } from '../../../src/persistence/migrations.ts';
import { DB_VERSION } from '../../../src/persistence/schema.ts';
import fixture from '../../fixtures/db-v1.json' with { type: 'json' };
import { outcome } from './world.ts';

const fieldsByOrg = (s: S2S) =>
  s.orgs().map((o) => s.records(o.id).map((r) => ({ Id: r.Id, fields: r.fields })));

/** Version 1 exactly as it shipped, written out here so later edits to schema.ts cannot hide a break. */
async function writeV1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ sandboxes: 'id, updatedAt', snapshots: 'sandboxId', kv: 'key' });
  await db.table('sandboxes').bulkPut(fixture.sandboxes);
  await db.table('snapshots').bulkPut(fixture.snapshots);
  await db.table('kv').bulkPut(fixture.kv);
  db.close();
}

describe('database upgrade v1 → v2', () => {
  it('opens a v1 database with nothing lost', async () => {
    const name = `v1-${Math.random()}`;
    await writeV1(name);
    const store = new DexieStore(name);
    const v1State = structuredClone(fixture.snapshots[0]!.state) as unknown as SandboxState;
    const expected = S2S.restore(structuredClone(v1State));

    expect(await store.lastOpenedId()).toBe('v1-world');
    expect(store.db.verno).toBe(DB_VERSION);
    expect(store.db.tables.map((t) => t.name).sort()).toEqual([
      'checkpoints',
      'journal',
      'kv',
      'sandboxes',
    ]);
    const list = await store.list();
    expect(list.map((m) => m.name).sort()).toEqual(['Classroom demo', 'Never saved']);
    const meta = list.find((m) => m.id === 'v1-world')!;
    expect(meta).toMatchObject({
      createdAt: fixture.sandboxes[0]!.createdAt,
      seed: 21,
      commandCount: v1State.commandCount,
      now: v1State.now,
      orgCount: 2,
    });

    const { s2s } = await store.open('v1-world');
    expect(s2s.snapshot()).toEqual(v1State);
    expect(s2s.inFlight()).toEqual(expected.inFlight());
    expect(s2s.inFlight().length).toBeGreaterThan(0);

    // The journal was rebuilt from the log, so export and share links work for old sandboxes.
    const file = await store.exportFile('v1-world');
    expect(file.scenario.commands).toHaveLength(v1State.commandCount);
    const rebuilt = S2S.fromScenario(file.scenario);
    s2s.runUntilIdle();
    rebuilt.runUntilIdle();
    expected.runUntilIdle();
    expect(outcome(s2s)).toEqual(outcome(expected));
    // Replayed by today's engine, ids it names (wires, share keys) may differ; the data may not.
    expect(fieldsByOrg(rebuilt)).toEqual(fieldsByOrg(expected));

    const empty = await store.open('v1-empty');
    expect(empty.meta).toMatchObject({ seed: 4, commandCount: 0, now: 0 });
    expect(empty.s2s.orgs()).toEqual([]);
    store.close();
  });
});

describe('state format migrations', () => {
  it('runs each step up to the current format', () => {
    const out = migrateState(
      { format: 1, a: 1 },
      { 1: (s) => ({ ...s, b: 2 }), 2: (s) => ({ ...s, c: 3 }) },
      3,
    );
    expect(out).toEqual({ format: 3, a: 1, b: 2, c: 3 });
  });

  it('refuses a state from a newer version or without a format', () => {
    expect(() => migrateState({ format: 99 })).toThrow(/newer version/);
    expect(() => migrateState({})).toThrow(StateFormatError);
    expect(() => migrateState({ format: 1 }, {}, 2)).toThrow(/No migration from sandbox format 1/);
  });
});
