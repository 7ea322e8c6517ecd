import { recordIds, recordOf } from '../../../src/engine/org/recordCopies.ts';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { SandboxState } from '../../../src/engine/state/sandboxState.ts';
import { STATE_FORMAT } from '../../../src/engine/state/sandboxState.ts';
import { STRIDE } from '../../../src/engine/org/recordTables.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { splitStateV2 } from '../../../src/persistence/layoutV2.ts';
import {
  migrateState,
  STATE_MIGRATIONS,
  StateFormatError,
} from '../../../src/persistence/migrations.ts';
import { DB_VERSION, journalFromLog } from '../../../src/persistence/schema.ts';
import fixture from '../../fixtures/db-v1.json' with { type: 'json' };
import { connectedWorld, freshStore, outcome, run } from './world.ts';
import { Autosave } from '../../../src/persistence/autosave.ts';
import { CORE } from '../../../src/persistence/checkpoint.ts';

const fieldsByOrg = (s: S2S) =>
  s.orgs().map((o) => s.records(o.id).map((r) => ({ Id: r.Id, fields: r.fields })));
const recordOrder = (s: S2S) =>
  s.sandbox.state.orgOrder.map((id) => recordIds(s.sandbox.state.orgs[id]!));
const fixtureState = () => structuredClone(fixture.snapshots[0]!.state) as unknown as SandboxState;

type Tables = Record<string, { records: Record<string, Record<string, unknown>> }>;

/** A copy of a state with its tables as format 5 held them: a stamp object at 2 × row + 1. */
function asFormat5(state: SandboxState) {
  const v5 = structuredClone(state) as unknown as { orgs: Tables };
  for (const org of Object.values(v5.orgs))
    for (const t of Object.values(org.records)) {
      const fields = t.fields as Record<string, unknown[]>;
      for (const [f, col] of Object.entries(fields)) {
        const out: unknown[] = [];
        for (let row = 0; STRIDE * row < col.length; row++) {
          const [value, editedAt, origin, via] = col.slice(STRIDE * row, STRIDE * row + STRIDE);
          const stamp =
            editedAt === undefined
              ? undefined
              : via
                ? { editedAt, origin, via }
                : { editedAt, origin };
          out.push(value, stamp);
        }
        while (out.length && out[out.length - 1] === undefined) out.pop();
        fields[f] = out;
      }
    }
  return v5;
}

/** A state with records of three orgs, some deleted, some received through a connection. */
function worldWithHoles() {
  const s = S2S.create({ seed: 4 });
  connectedWorld(s, 3);
  s.dispatch({ type: 'clock.advance', ms: 5000 });
  const ids = s.orgs().map((o) => {
    const r = s.dispatch({
      type: 'record.create',
      org: o.id,
      as: o.adminId,
      object: 'Account',
      values: { Name: 'Gone soon' },
    });
    return r.ok ? r.id! : '';
  });
  s.orgs().forEach((o, i) =>
    s.dispatch({ type: 'record.delete', org: o.id, as: o.adminId, id: ids[i]! }),
  );
  return s.sandbox.snapshot();
}

/** Version 1 exactly as it shipped, written out here so later edits to schema.ts cannot hide a break. */
async function writeV1(name: string) {
  const db = new Dexie(name);
  db.version(1).stores({ sandboxes: 'id, updatedAt', snapshots: 'sandboxId', kv: 'key' });
  await db.table('sandboxes').bulkPut(fixture.sandboxes);
  await db.table('snapshots').bulkPut(fixture.snapshots);
  await db.table('kv').bulkPut(fixture.kv);
  db.close();
}

/** Version 2's tables as they shipped, with rows cut by the frozen v2 layout. */
async function writeV2(
  name: string,
  sandboxes: { id: string; name: string; state: SandboxState; journal?: SandboxState }[],
) {
  const db = new Dexie(name);
  db.version(1).stores({ sandboxes: 'id, updatedAt', snapshots: 'sandboxId', kv: 'key' });
  db.version(2).stores({
    sandboxes: 'id, updatedAt',
    journal: '[sandboxId+index]',
    checkpoints: '[sandboxId+part]',
    kv: 'key',
    snapshots: null,
  });
  for (const sb of sandboxes) {
    const cp = splitStateV2(structuredClone(sb.state));
    await db.table('checkpoints').bulkPut(cp.parts.map((p) => ({ sandboxId: sb.id, ...p })));
    await db.table('journal').bulkPut(journalFromLog(sb.id, sb.journal ?? sb.state));
    await db.table('sandboxes').put({
      id: sb.id,
      name: sb.name,
      createdAt: 1,
      updatedAt: 2,
      seed: sb.state.seed,
      commandCount: (sb.journal ?? sb.state).commandCount,
      now: cp.now,
      orgCount: cp.orgCount,
    });
  }
  await db.table('kv').put({ key: 'lastOpened', value: sandboxes[0]!.id });
  db.close();
}

describe('database upgrade v1 → v3', () => {
  it('opens a v1 database with nothing lost', async () => {
    const name = `v1-${Math.random()}`;
    await writeV1(name);
    const store = new DexieStore(name);
    const v1State = fixtureState();
    // Loading migrates the state to today's format; that is all that may differ.
    const migrated = migrateState(structuredClone(v1State));
    const expected = S2S.restore(structuredClone(migrated));

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
    const parts = (await store.db.checkpoints.toArray()).map((r) => r.part);
    expect(parts).toContain('rec:acme:001A.0');
    expect(parts).toContain('hist:acme:0');

    const { s2s } = await store.open('v1-world');
    expect(s2s.snapshot()).toEqual(migrated);
    expect(recordOrder(s2s)).toEqual(recordOrder(expected));
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

describe('database upgrade v2 → v3', () => {
  it('opens a v2 database with nothing lost and its rows cut into buckets', async () => {
    // A big sandbox of today's format, saved before its last command (the journal has it).
    const live = S2S.create({ seed: 9 });
    const { A, ids } = connectedWorld(live, 4);
    for (let i = 0; i < 1100; i++)
      run(live, [
        { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: `B${i}` } },
      ]);
    live.sandbox.advance(5000);
    const saved = live.snapshot();
    run(live, [{ type: 'record.update', org: 'acme', as: A, id: ids[0]!, values: { Phone: '7' } }]);
    // And an old one of format 1, as shipped v2 builds wrote them.
    const old = fixtureState();

    const name = `v2-${Math.random()}`;
    await writeV2(name, [
      { id: 'big', name: 'Big', state: saved, journal: live.snapshot() },
      { id: 'old', name: 'Old', state: old },
    ]);
    const store = new DexieStore(name);
    expect(await store.lastOpenedId()).toBe('big');
    expect(store.db.verno).toBe(DB_VERSION);

    const rows = await store.db.checkpoints
      .where('[sandboxId+part]')
      .between(['big', ''], ['big', '\uffff'])
      .toArray();
    const parts = rows.map((r) => r.part);
    expect(parts.filter((p) => p.startsWith('rec:acme:001A.'))).toEqual([
      'rec:acme:001A.0',
      'rec:acme:001A.1',
      'rec:acme:001A.2',
    ]);
    for (const r of rows.filter((x) => x.part.startsWith('org:'))) {
      expect(r.data).not.toHaveProperty('records');
      expect(r.data).not.toHaveProperty('history');
    }

    const big = await store.open('big');
    expect(big.s2s.snapshot()).toEqual(live.snapshot());
    expect(recordOrder(big.s2s)).toEqual(recordOrder(live));
    // Its rows are today's: the first autosave may write only what changes.
    expect(store.takeLayout(big.s2s)).not.toBeNull();
    big.s2s.runUntilIdle();
    live.runUntilIdle();
    expect(outcome(big.s2s)).toEqual(outcome(live));

    const back = await store.open('old');
    expect(back.s2s.snapshot()).toEqual(migrateState(fixtureState()));
    // A migrated state differs from its rows: its first checkpoint rewrites them all.
    expect(store.takeLayout(back.s2s)).toBeNull();
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

  it('1 → 2 adds the starting settings and each org’s pending-children index', () => {
    const v1 = fixtureState() as unknown as Record<string, unknown>;
    delete v1.initialSettings;
    const orgs = v1.orgs as Record<string, Record<string, unknown>>;
    for (const org of Object.values(orgs)) delete org.pendingChildren;
    // Two PNRCs waiting for the same parent, one for another, one not pending.
    const pnrc = (Id: string, parentShareKey: string | null) => ({
      Id,
      pending: parentShareKey === null ? null : { parentShareKey },
    });
    orgs.globex!.recordConnections = {
      c1: pnrc('c1', 'P1'),
      c2: pnrc('c2', 'P1'),
      c3: pnrc('c3', 'P2'),
      c4: pnrc('c4', null),
    };
    const before = structuredClone(v1);

    const out = STATE_MIGRATIONS[1]!(structuredClone(v1));
    expect(out.initialSettings).toEqual(v1.settings);
    expect(out.initialSettings).not.toBe(out.settings);
    const outOrgs = out.orgs as Record<string, Record<string, unknown>>;
    expect(outOrgs.globex!.pendingChildren).toEqual({ P1: ['c1', 'c2'], P2: ['c3'] });
    expect(outOrgs.acme!.pendingChildren).toEqual({});
    // Nothing else changes.
    const { initialSettings: _i, ...rest } = out;
    for (const org of Object.values(rest.orgs as Record<string, Record<string, unknown>>))
      delete org.pendingChildren;
    expect(rest).toEqual(before);

    // Through migrateState: today's format, and a state the engine runs.
    const migrated = migrateState(fixtureState());
    expect(migrated.format).toBe(STATE_FORMAT);
    expect(migrated.initialSettings).toEqual(migrated.settings);
    const s = S2S.restore(migrated);
    s.runUntilIdle();
    expect(s.inFlight()).toEqual([]);
  });

  it("4 → 5 keeps each record's LastModifiedDate and LastModifiedById in one column and each field's stamps beside its values, every record as it was", () => {
    // A format 4 state: format 5's tables with the two last-modified columns of format 4.
    const current = worldWithHoles();
    const v5 = asFormat5(current);
    const v4 = structuredClone(v5);
    let rows = 0;
    for (const org of Object.values(v4.orgs))
      for (const t of Object.values(org.records)) {
        const merged = t.LastModified as ({ at: number; by: string } | undefined)[];
        t.LastModifiedDate = merged.map((m) => m?.at);
        t.LastModifiedById = merged.map((m) => m?.by);
        delete t.LastModified;
        // Format 4 held values and stamps in separate columns.
        const fields = t.fields as Record<string, unknown[]>;
        const values: Record<string, unknown[]> = {};
        const stamps: Record<string, unknown[]> = {};
        for (const [f, col] of Object.entries(fields)) {
          values[f] = col.filter((_, i) => i % 2 === 0);
          stamps[f] = col.filter((_, i) => i % 2 === 1);
        }
        t.fields = values;
        t.stamps = stamps;
        rows += merged.length;
      }
    expect(rows).toBeGreaterThan(0);
    const out5 = STATE_MIGRATIONS[4]!(v4 as unknown as Record<string, unknown>);
    expect(out5).toEqual(v5);
    // On through format 6, to today's tables.
    const out = STATE_MIGRATIONS[5]!(out5) as unknown as SandboxState;
    for (const id of current.orgOrder) {
      const before = current.orgs[id]!;
      const after = out.orgs[id]!;
      expect(recordIds(after)).toEqual(recordIds(before));
      for (const rid of recordIds(before))
        expect(recordOf(after, rid)).toEqual(recordOf(before, rid));
      // A deleted record's row stays empty.
      for (const t of Object.values(after.records)) expect(t.LastModified.length).toBe(t.Id.length);
    }
    expect(out).toEqual(current);
    // Already merged (tables rebuilt from checkpoint rows): left as it is.
    expect(
      STATE_MIGRATIONS[4]!(structuredClone(out) as unknown as Record<string, unknown>),
    ).toEqual(out);
  });

  it("5 → 6 holds each field's stamp as its parts beside its value, every record as it was", () => {
    expect(STATE_FORMAT).toBe(6);
    const current = worldWithHoles();
    const v5 = asFormat5(current);
    let stamps = 0;
    for (const org of Object.values(v5.orgs))
      for (const t of Object.values(org.records))
        for (const col of Object.values(t.fields as Record<string, unknown[]>))
          stamps += col.filter((x) => typeof x === 'object' && x !== null).length;
    expect(stamps).toBeGreaterThan(0);
    const out = STATE_MIGRATIONS[5]!(
      v5 as unknown as Record<string, unknown>,
    ) as unknown as SandboxState;
    expect(out).toEqual(current);
    // Received records keep where their values came from.
    const received = current.orgOrder.flatMap((id) =>
      recordIds(current.orgs[id]!).map((rid) => recordOf(current.orgs[id]!, rid)!),
    );
    expect(received.some((r) => Object.values(r.stamps).some((st) => st.via))).toBe(true);
    // Already in the new layout (tables rebuilt from checkpoint rows): left as it is.
    expect(
      STATE_MIGRATIONS[5]!(structuredClone(current) as unknown as Record<string, unknown>),
    ).toEqual(current);
  });

  it('5 → 6 reads a JSON copy of a format 5 state, whose holes are nulls', () => {
    const current = worldWithHoles();
    const json = JSON.parse(JSON.stringify(asFormat5(current))) as Record<string, unknown>;
    const out = STATE_MIGRATIONS[5]!(json) as unknown as SandboxState;
    for (const id of current.orgOrder) {
      expect(recordIds(out.orgs[id]!)).toEqual(recordIds(current.orgs[id]!));
      for (const rid of recordIds(current.orgs[id]!))
        expect(recordOf(out.orgs[id]!, rid)).toEqual(recordOf(current.orgs[id]!, rid));
    }
  });

  it('5 → 6 tells a format 5 column by its values even when it holds no stamp', () => {
    const table = { fields: { Phone: ['1', null, '2', null, '3'] } };
    const state = { orgs: { a: { records: { '001': table } } } };
    STATE_MIGRATIONS[5]!(state);
    expect(table.fields.Phone).toEqual([
      '1',
      undefined,
      undefined,
      undefined,
      '2',
      undefined,
      undefined,
      undefined,
      '3',
    ]);
  });

  it("3 → 4 holds each org's records by column, every record and field as it was", () => {
    const v3 = fixtureState() as unknown as { orgs: Record<string, { records: object }> };
    const before = Object.values(v3.orgs).map((o) => structuredClone(o.records));
    const out = STATE_MIGRATIONS[3]!(
      v3 as unknown as Record<string, unknown>,
    ) as unknown as SandboxState;
    const orgs = Object.values(out.orgs);
    expect(before.some((r) => Object.keys(r).length > 0)).toBe(true);
    orgs.forEach((org, i) => {
      // Table by table now, where the map kept creation order across objects.
      expect(recordIds(org).sort()).toEqual(Object.keys(before[i]!).sort());
      for (const [id, rec] of Object.entries(before[i]!)) expect(recordOf(org, id)).toEqual(rec);
    });
    // Already by column (a state put together from checkpoint rows): left as it is.
    const again = structuredClone(out);
    expect(STATE_MIGRATIONS[3]!(again as unknown as Record<string, unknown>)).toEqual(out);
  });

  it('2 → 3 gives every org no queues, assignment rules (REC-2) or sharing rules (SHR-1), and changes nothing else', () => {
    const v2 = STATE_MIGRATIONS[1]!(fixtureState() as unknown as Record<string, unknown>);
    const before = structuredClone(v2);
    const out = STATE_MIGRATIONS[2]!(structuredClone(v2));
    const orgs = out.orgs as Record<string, Record<string, unknown>>;
    expect(Object.keys(orgs).length).toBeGreaterThan(0);
    for (const org of Object.values(orgs)) {
      expect(org.queues).toEqual({});
      expect(org.assignmentRules).toEqual({});
      expect(org.sharingRules).toEqual([]);
      delete org.queues;
      delete org.assignmentRules;
      delete org.sharingRules;
    }
    expect(out).toEqual(before);
    // A migrated org takes a queue as any new one does.
    const s = S2S.restore(migrateState(fixtureState()));
    const org = s.orgs()[0]!;
    const r = s.dispatch({
      type: 'queue.create',
      org: org.id,
      as: org.adminId,
      name: 'Q',
      objects: ['Lead'],
    });
    expect(r.ok).toBe(true);
  });
});

describe('a database saved by state format 5', () => {
  it('opens with every record and stamp as it was: its rows hold whole records', async () => {
    const store = freshStore();
    const meta = await store.create('Format 5', { seed: 6 });
    const { s2s } = await store.open(meta.id);
    const save = new Autosave(store, meta.id, s2s, {
      lock: null,
      pageEvents: false,
      intervalMs: 60_000,
    });
    await save.start();
    const { A, ids } = connectedWorld(s2s, 4);
    run(s2s, [{ type: 'record.update', org: 'acme', as: A, id: ids[0]!, values: { Phone: '1' } }]);
    s2s.runUntilIdle();
    await save.flush();
    await save.stop();
    // What the last engine wrote: the same rows, with format 5 in the core row.
    const rows = await store.db.checkpoints.where({ sandboxId: meta.id }).toArray();
    const core = rows.find((r) => r.part === CORE)!;
    expect((core.data as { format: number }).format).toBe(STATE_FORMAT);
    await store.db.checkpoints.put({ ...core, data: { ...(core.data as object), format: 5 } });
    store.close();

    const { s2s: back } = await new DexieStore(store.db.name).open(meta.id);
    expect(back.sandbox.state.format).toBe(STATE_FORMAT);
    for (const o of s2s.orgs()) {
      const org = s2s.sandbox.state.orgs[o.id]!;
      const again = back.sandbox.state.orgs[o.id]!;
      expect(recordIds(again)).toEqual(recordIds(org));
      for (const id of recordIds(org)) expect(recordOf(again, id)).toEqual(recordOf(org, id));
    }
    expect(outcome(back)).toEqual(outcome(s2s));
  });
});
