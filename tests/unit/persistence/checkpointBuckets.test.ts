import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { SandboxState } from '../../../src/engine/state/sandboxState.ts';
import {
  assembleCheckpoint,
  CORE,
  NOTE_CHUNK,
  notePart,
  orgPart,
  pnrcPart,
  QUEUE_BUCKET,
  queuePart,
  splitState,
  takeCheckpoint,
  type CheckpointPart,
  type CoreState,
} from '../../../src/persistence/checkpoint.ts';
import { DexieStore } from '../../../src/persistence/dexieStore.ts';
import { DB_VERSION, journalFromLog } from '../../../src/persistence/schema.ts';
import { connectedWorld, outcome, run } from './world.ts';

const pnrcOrder = (s: SandboxState) =>
  s.orgOrder.map((id) => Object.keys(s.orgs[id]!.recordConnections));

/** A world whose orgs share `n` Accounts (each holds `n` PNRCs), with `n` updates in flight. */
function sharingWorld(n: number) {
  const s = S2S.create({ seed: 11 });
  const w = connectedWorld(s, n);
  return { s, ...w };
}

/**
 * Today's rows cut back into database version 3's layout: each org row holds its PNRCs, core
 * holds the messages in flight, and core's layout names no PNRC or queue buckets (written out
 * here so later layouts cannot hide a break).
 */
function asV3Rows(state: SandboxState): CheckpointPart[] {
  const parts = splitState(structuredClone(state)).data.parts;
  const out: CheckpointPart[] = [];
  for (const p of parts) {
    if (['pnrc:', 'msg:', 'note:'].some((k) => p.part.startsWith(k))) continue;
    if (p.part === CORE) {
      const core = structuredClone(p.data) as CoreState;
      for (const lay of Object.values(core.layout)) {
        delete lay.pnrcs;
        delete lay.notifications;
      }
      delete core.queueBuckets;
      core.network.queue = structuredClone(state.network.queue);
      out.push({ part: CORE, data: core });
    } else if (p.part.startsWith('org:')) {
      const id = p.part.slice(4);
      const { recordConnections, notifications } = structuredClone(state.orgs[id]!);
      out.push({ part: p.part, data: { ...(p.data as object), recordConnections, notifications } });
    } else out.push(p);
  }
  return out;
}

async function writeV3(name: string, id: string, state: SandboxState) {
  const db = new Dexie(name);
  db.version(1).stores({ sandboxes: 'id, updatedAt', snapshots: 'sandboxId', kv: 'key' });
  db.version(2).stores({
    sandboxes: 'id, updatedAt',
    journal: '[sandboxId+index]',
    checkpoints: '[sandboxId+part]',
    kv: 'key',
    snapshots: null,
  });
  db.version(3).stores({
    sandboxes: 'id, updatedAt',
    journal: '[sandboxId+index]',
    checkpoints: '[sandboxId+part]',
    kv: 'key',
  });
  await db.table('checkpoints').bulkPut(asV3Rows(state).map((p) => ({ sandboxId: id, ...p })));
  await db.table('journal').bulkPut(journalFromLog(id, state));
  await db.table('sandboxes').put({
    id,
    name: 'Shared',
    createdAt: 1,
    updatedAt: 2,
    seed: state.seed,
    commandCount: state.commandCount,
    now: state.now,
    orgCount: state.orgOrder.length,
  });
  await db.table('kv').put({ key: 'lastOpened', value: id });
  db.close();
}

describe('PartnerNetworkRecordConnection buckets', () => {
  it('keeps PNRCs out of the org row, in buckets that restore them in their order', () => {
    const { s } = sharingWorld(520);
    const cp = takeCheckpoint(s.sandbox, { copy: true });
    const org = cp.data.parts.find((p) => p.part === orgPart('acme'))!.data as object;
    expect(org).not.toHaveProperty('recordConnections');
    const buckets = cp.data.parts.filter((p) => p.part.startsWith('pnrc:acme:'));
    expect(buckets.length).toBeGreaterThan(1);
    const back = assembleCheckpoint(cp.data.parts)!;
    expect(back).toEqual(s.snapshot());
    expect(pnrcOrder(back)).toEqual(pnrcOrder(s.sandbox.state));
  });

  it('an incremental checkpoint rewrites only the PNRC bucket that changed, and restores equal', () => {
    const { s, A, ids } = sharingWorld(520);
    const first = takeCheckpoint(s.sandbox, { copy: true });
    s.sandbox.takeDirty();
    const rows = new Map(first.data.parts.map((p) => [p.part, p.data]));
    // One more share: acme forwards a new Account, so one PNRC bucket per org changes.
    const [extra] = run(s, [
      { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: 'Late' } },
    ]);
    const aConn = s.connections('acme')[0]!.Id;
    run(s, [
      { type: 'record.forward', org: 'acme', as: A, recordIds: [extra!], connectionIds: [aConn] },
    ]);
    s.runUntilIdle();
    expect(ids.length).toBe(520);
    const next = takeCheckpoint(s.sandbox, {
      base: first.layout,
      dirty: s.sandbox.takeDirty(),
      copy: true,
    });
    const written = next.data.parts.map((p) => p.part).filter((p) => p.startsWith('pnrc:'));
    const all = [...rows.keys(), ...written].filter((p) => p.startsWith('pnrc:'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(new Set(all).size);
    for (const p of next.data.parts) rows.set(p.part, p.data);
    for (const p of next.data.drop) rows.delete(p);
    const back = assembleCheckpoint([...rows].map(([part, data]) => ({ part, data })))!;
    expect(back).toEqual(s.snapshot());
    expect(pnrcOrder(back)).toEqual(pnrcOrder(s.sandbox.state));
  });
});

describe('message queue buckets', () => {
  it('keeps the messages in flight out of core, and rewrites only the buckets that changed', () => {
    const { s } = sharingWorld(520);
    expect(s.inFlight().length).toBeGreaterThan(QUEUE_BUCKET);
    const first = takeCheckpoint(s.sandbox, { copy: true });
    const core = first.data.parts[0]!.data as CoreState;
    expect(core.network.queue).toEqual([]);
    const all = first.data.parts.filter((p) => p.part.startsWith('msg:')).map((p) => p.part);
    expect(all.length).toBeGreaterThan(1);
    expect(core.queueBuckets!.map(queuePart)).toEqual(all);
    s.sandbox.takeDirty();
    const rows = new Map(first.data.parts.map((p) => [p.part, p.data]));
    const apply = (cp: ReturnType<typeof takeCheckpoint>) => {
      for (const p of cp.data.parts) rows.set(p.part, p.data);
      for (const p of cp.data.drop) rows.delete(p);
      return assembleCheckpoint([...rows].map(([part, data]) => ({ part, data })))!;
    };

    // Nothing moved: no message bucket is rewritten.
    const idle = takeCheckpoint(s.sandbox, { base: first.layout, dirty: s.sandbox.takeDirty() });
    expect(idle.data.parts.filter((p) => p.part.startsWith('msg:'))).toEqual([]);
    expect(apply(idle)).toEqual(s.snapshot());

    // The first messages arrive: their buckets are rewritten or dropped, the others kept.
    const firstDue = Math.min(...s.inFlight().map((m) => m.dueAt));
    s.sandbox.advance(firstDue - s.now);
    const next = takeCheckpoint(s.sandbox, {
      base: idle.layout,
      dirty: s.sandbox.takeDirty(),
      copy: true,
    });
    const changed = [
      ...next.data.parts.map((p) => p.part).filter((p) => p.startsWith('msg:')),
      ...next.data.drop.filter((p) => p.startsWith('msg:')),
    ];
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(all.length);
    const back = apply(next);
    expect(back).toEqual(s.snapshot());
    expect(S2S.restore(back).inFlight()).toEqual(s.inFlight());
  });
});

describe('notification chunks', () => {
  it('rewrites only the chunks that grew, and every chunk when the array is replaced (marked read)', () => {
    const state = sharingWorld(3).s.snapshot();
    const note = {
      at: 1,
      to: Object.keys(state.orgs.acme!.users)[0]!,
      connectionId: null,
      kind: 'recordsForwarded' as const,
      text: 'n',
    };
    const notes = state.orgs.acme!.notifications;
    for (let i = 0; notes.length < 2 * NOTE_CHUNK + 10; i++) notes.push({ ...note, at: i });
    const sb = S2S.restore(structuredClone(state)).sandbox;
    const first = takeCheckpoint(sb, { copy: true });
    const org = first.data.parts.find((p) => p.part === orgPart('acme'))!.data as object;
    expect(org).not.toHaveProperty('notifications');
    const rows = new Map(first.data.parts.map((p) => [p.part, p.data]));
    const apply = (cp: ReturnType<typeof takeCheckpoint>) => {
      for (const p of cp.data.parts) rows.set(p.part, p.data);
      for (const p of cp.data.drop) rows.delete(p);
      return assembleCheckpoint([...rows].map(([part, data]) => ({ part, data })))!;
    };
    const noteRows = (cp: ReturnType<typeof takeCheckpoint>) =>
      cp.data.parts.map((p) => p.part).filter((p) => p.startsWith('note:acme:'));
    sb.takeDirty();

    sb.state.orgs.acme!.notifications.push({ ...note, at: 99_999 });
    const grown = takeCheckpoint(sb, { base: first.layout, dirty: sb.takeDirty(), copy: true });
    expect(noteRows(grown)).toEqual([notePart('acme', 2)]);
    expect(apply(grown)).toEqual(sb.snapshot());

    const acme = sb.state.orgs.acme!;
    acme.notifications = acme.notifications.map((n) => ({ ...n, read: true }));
    const read = takeCheckpoint(sb, { base: grown.layout, dirty: sb.takeDirty(), copy: true });
    expect(noteRows(read)).toEqual([0, 1, 2].map((c) => notePart('acme', c)));
    expect(apply(read)).toEqual(sb.snapshot());
  });
});

describe('database upgrade v3 → v4', () => {
  it('opens a v3 sandbox, whose org rows hold their PNRCs, and restores it equal', async () => {
    const { s: live } = sharingWorld(520);
    const saved = live.snapshot();
    const name = `v3-${Math.random()}`;
    await writeV3(name, 'shared', saved);
    const store = new DexieStore(name);
    expect(await store.lastOpenedId()).toBe('shared');
    expect(store.db.verno).toBe(DB_VERSION);
    const rows = await store.db.checkpoints
      .where('[sandboxId+part]')
      .between(['shared', ''], ['shared', '\uffff'])
      .toArray();
    expect(rows.map((r) => r.part)).toContain(pnrcPart('acme', '0CRA.0'));
    for (const r of rows.filter((x) => x.part.startsWith('org:')))
      expect(r.data).not.toHaveProperty('recordConnections');

    const back = await store.open('shared');
    expect(back.s2s.snapshot()).toEqual(saved);
    expect(back.s2s.inFlight().length).toBeGreaterThan(0);
    expect(pnrcOrder(back.s2s.sandbox.state)).toEqual(pnrcOrder(saved));
    // Its rows are today's: the first autosave may write only what changes.
    expect(store.takeLayout(back.s2s)).not.toBeNull();
    back.s2s.runUntilIdle();
    live.runUntilIdle();
    expect(outcome(back.s2s)).toEqual(outcome(live));
    store.close();
  });
});
