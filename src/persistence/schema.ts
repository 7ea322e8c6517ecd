import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { JournalEntry } from '../engine/journal.ts';
import type { Command } from '../engine/commands/command.ts';
import type { SandboxState } from '../engine/state/sandboxState.ts';
import { upgradeV2Rows, upgradeV3Rows } from './checkpoint.ts';
import { splitStateV2 } from './layoutV2.ts';
import { migrateState } from './migrations.ts';
import type { SandboxMeta } from './store.ts';

export const DB_NAME = 's2s-sandbox';
/** Bump with a new `version(n)` below; never edit a shipped version's stores or upgrade. */
export const DB_VERSION = 4;

export type MetaRow = SandboxMeta;
export interface JournalRow extends JournalEntry {
  sandboxId: string;
}
export interface CheckpointRow {
  sandboxId: string;
  part: string;
  data: unknown;
}
export interface KvRow {
  key: string;
  value: unknown;
}

/** Version 1 kept each sandbox as one whole-state row; every save rewrote all of it. */
export interface SnapshotRowV1 {
  sandboxId: string;
  state: SandboxState;
}
export interface MetaRowV1 {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  seed: number;
}
export const STORES_V1 = { sandboxes: 'id, updatedAt', snapshots: 'sandboxId', kv: 'key' };

/**
 * Version 2: a journal row per command (durable as soon as it is applied) and checkpoints cut
 * into a few large rows (see checkpoint.ts).
 */
export const STORES_V2 = {
  sandboxes: 'id, updatedAt',
  journal: '[sandboxId+index]',
  checkpoints: '[sandboxId+part]',
  kv: 'key',
  snapshots: null,
};

/**
 * Version 3: the same tables; checkpoint rows cut finer (records in buckets, history in
 * chunks; see checkpoint.ts) so an autosave rewrites only what changed.
 */
export const STORES_V3 = {
  sandboxes: 'id, updatedAt',
  journal: '[sandboxId+index]',
  checkpoints: '[sandboxId+part]',
  kv: 'key',
};

/**
 * Version 4: the same tables; each org's PartnerNetworkRecordConnections leave its org row for
 * buckets of their own, so an autosave while records sync rewrites only the shares that changed.
 */
export const STORES_V4 = STORES_V3;

export class SandboxDb extends Dexie {
  sandboxes!: Table<MetaRow, string>;
  journal!: Table<JournalRow, [string, number]>;
  checkpoints!: Table<CheckpointRow, [string, string]>;
  kv!: Table<KvRow, string>;

  constructor(name = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(STORES_V1);
    this.version(2).stores(STORES_V2).upgrade(upgradeV1toV2);
    this.version(3).stores(STORES_V3).upgrade(upgradeV2toV3);
    this.version(4).stores(STORES_V4).upgrade(upgradeV3toV4);
  }
}

/** The commands a state's log recorded, as journal rows: v1 had no journal. */
export function journalFromLog(sandboxId: string, state: SandboxState): JournalRow[] {
  const rows: JournalRow[] = [];
  for (const e of state.log)
    if (e.kind === 'command')
      rows.push({ sandboxId, index: rows.length, at: e.t, command: e.data!.command as Command });
  return rows;
}

async function upgradeV1toV2(tx: Transaction) {
  const snapshots = (await tx.table('snapshots').toArray()) as SnapshotRowV1[];
  for (const snap of snapshots) {
    const state = migrateState(snap.state);
    const cp = splitStateV2(state);
    await tx
      .table('checkpoints')
      .bulkPut(cp.parts.map((p) => ({ sandboxId: snap.sandboxId, part: p.part, data: p.data })));
    await tx.table('journal').bulkPut(journalFromLog(snap.sandboxId, state));
    await tx.table('sandboxes').update(snap.sandboxId, {
      commandCount: cp.commandCount,
      now: cp.now,
      orgCount: cp.orgCount,
    });
  }
  // A v1 sandbox saved before its first snapshot has only its meta row.
  await tx
    .table('sandboxes')
    .toCollection()
    .modify((m: Partial<MetaRow>) => {
      m.commandCount ??= 0;
      m.now ??= 0;
      m.orgCount ??= 0;
    });
}

async function upgradeV2toV3(tx: Transaction) {
  await upgradeRows(tx, upgradeV2Rows);
}

async function upgradeV3toV4(tx: Transaction) {
  await upgradeRows(tx, upgradeV3Rows);
}

/** Rewrites each sandbox's checkpoint rows with what `upgrade` makes of them. */
async function upgradeRows(
  tx: Transaction,
  upgrade: (rows: readonly CheckpointRow[]) => { part: string; data: unknown }[] | null,
) {
  const table = tx.table('checkpoints');
  const ids = (await tx.table('sandboxes').toCollection().primaryKeys()) as string[];
  for (const id of ids) {
    const rows = (await table
      .where('[sandboxId+part]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
      .toArray()) as CheckpointRow[];
    const parts = upgrade(rows);
    if (parts)
      await table.bulkPut(parts.map((p) => ({ sandboxId: id, part: p.part, data: p.data })));
  }
}
