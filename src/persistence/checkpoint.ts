import { indexShares } from '../engine/org/shareIndex.ts';
import { isRecordMap } from './migrations.ts';
import {
  eachRecord,
  hasRecord,
  recordAt,
  recordIds,
  recordOf,
  tableRows,
} from '../engine/org/recordCopies.ts';
import { PREFIX } from '../engine/org/recordTables.ts';
import { tablesOf } from '../engine/org/recordWrites.ts';
import type { Sandbox } from '../engine/sandbox.ts';
import type { LogEntry } from '../engine/sim/log.ts';
import type {
  FieldHistoryEntry,
  Notification,
  OrgState,
  SObjectRecord,
} from '../engine/state/org.ts';
import type { PartnerNetworkRecordConnection } from '../engine/state/recordConnection.ts';
import type { Message } from '../engine/state/network.ts';
import { byDue } from '../engine/sim/dueQueue.ts';
import type { SandboxState } from '../engine/state/sandboxState.ts';
import type { CoreStateV2 } from './layoutV2.ts';

/**
 * A checkpoint is a set of rows, cut so that a checkpoint taken while the simulation runs
 * rewrites only what changed (IndexedDB's put clones its value on the main thread, so every
 * byte written is a byte the page waits for):
 *
 * - `core`: the state without orgs, log and messages in flight (clock, settings, network
 *   channels, counters), the log length, each org's layout (its bucket names and history
 *   length) and the queue's bucket names, so a reader knows every row it must find;
 *   rewritten by every checkpoint.
 * - `msg:<n>`: the messages in flight whose `seq` lies in [n × QUEUE_BUCKET, (n + 1) ×
 *   QUEUE_BUCKET). A queued message never changes (a retry queues it again under a new seq)
 *   and seqs only grow, so a bucket's count and seq sum tell exactly whether it changed.
 * - `rev`: a random id of the checkpoint. An incremental write names the rev it builds on and
 *   is refused when the rows on disk are another's (another tab saved meanwhile).
 * - `org:<id>`: the OrgState without `records`, `recordConnections` and `history`.
 * - `rec:<org>:<bucket>`: about BUCKET_SIZE records (see bucketOf), with each record's rank
 *   in the org's `records` object, so a restore rebuilds the object in its original key order
 *   (the engine iterates it, and the order decides the order of messages it sends).
 * - `pnrc:<org>:<bucket>`: the org's PartnerNetworkRecordConnections, bucketed and ranked
 *   the same way by their ids, since an org sharing many records holds as many of them.
 * - `hist:<org>:<n>`: the org's field history, append-only, in chunks of HISTORY_CHUNK.
 * - `note:<org>:<n>`: the org's notifications in chunks of NOTE_CHUNK (one per forwarded
 *   record, so as many as its shares). The engine appends to the array or replaces it whole
 *   (marking read), so a new array rewrites every chunk and a longer one the chunks it grew.
 * - `log:<n>`: the event log, append-only, in chunks of LOG_CHUNK.
 *
 * Log and history chunks are rewritten only from the last saved (partial) chunk on. Their
 * sizes are kept in core (`chunks`), so rows cut with other sizes still read; the next
 * checkpoint after such a read rewrites the log and history in today's sizes.
 *
 * Every row but core, rev and the org rows is `frozen`: built from fresh copies (records) or
 * from objects the engine replaces and never changes (PNRCs, messages, log, history and
 * notification entries), so a store may clone it later, in another task, and still write the
 * state of one instant. That lets a store spread a checkpoint's clones over several tasks.
 */
export const LOG_CHUNK = 1000;
export const HISTORY_CHUNK = 1000;
/** Chunk sizes of rows written before core named them (database version 4 and earlier). */
export const CHUNKS_BEFORE_V5: ChunkSizes = { log: 5000, history: 5000 };
export const CHUNKS: ChunkSizes = { log: LOG_CHUNK, history: HISTORY_CHUNK };

export interface ChunkSizes {
  log: number;
  history: number;
}
export const BUCKET_SIZE = 500;
export const NOTE_CHUNK = 500;
export const QUEUE_BUCKET = 250;
/** Buckets for ids outside the engine's pattern (none today): a hash of the id picks one. */
export const HASH_BUCKETS = 16;

export const CORE = 'core';
export const REV = 'rev';
export const orgPart = (org: string) => `org:${org}`;
export const bucketPart = (org: string, bucket: string) => `rec:${org}:${bucket}`;
export const pnrcPart = (org: string, bucket: string) => `pnrc:${org}:${bucket}`;
export const historyPart = (org: string, chunk: number) => `hist:${org}:${chunk}`;
export const logPart = (chunk: number) => `log:${chunk}`;
export const notePart = (org: string, chunk: number) => `note:${org}:${chunk}`;
export const queuePart = (bucket: number) => `msg:${bucket}`;

export type OrgRow = Omit<
  OrgState,
  'records' | 'recordConnections' | 'history' | 'shareIndex' | 'notifications'
>;
/** `seq[i]` is the rank of `records[i]` in its org's `records` object. */
export interface BucketRow {
  seq: number[];
  records: SObjectRecord[];
}
export interface PnrcBucketRow {
  seq: number[];
  pnrcs: PartnerNetworkRecordConnection[];
}
export interface OrgLayoutRow {
  buckets: string[];
  /** The org's PNRC buckets (absent in database version 3, which kept PNRCs in the org row). */
  pnrcs?: string[];
  historyLength: number;
  /** How many notifications its chunks hold (absent when the org row holds them, v3). */
  notifications?: number;
}
export type CoreState = Omit<SandboxState, 'orgs' | 'log'> & {
  logLength: number;
  layout: Record<string, OrgLayoutRow>;
  /** The queue's buckets; absent when core's network holds the queue (database v3). */
  queueBuckets?: number[];
  /** Log and history chunk sizes; absent in rows cut with CHUNKS_BEFORE_V5. */
  chunks?: ChunkSizes;
};

export interface CheckpointPart {
  part: string;
  data: unknown;
  /** Never changed after it is taken: a store may clone it in a later task (see above). */
  frozen?: true;
}

export interface CheckpointData {
  /** Rows to put, `core` first and `rev` second. */
  parts: CheckpointPart[];
  /** Rows to delete (buckets left empty, orgs gone). */
  drop: string[];
  rev: string;
  /** Incremental only: the rev the rows on disk must have, else the write is refused. */
  baseRev?: string | null;
  commandCount: number;
  now: number;
  orgCount: number;
}

/** What persistence must rewrite: the shape of `Sandbox.takeDirty()`. */
export interface Dirty {
  records: Map<string, Set<string>>;
  pnrcs: Map<string, Set<string>>;
  orgs: Set<string>;
}

/** The saved buckets of one kind of row, and the rank of each member in its object's order. */
interface Ranked {
  buckets: Set<string>;
  /** Rank of every member in key order; new members get `nextSeq`. */
  seq: Map<string, number>;
  nextSeq: number;
}

interface OrgLayout extends Ranked {
  historyLength: number;
  pnrcs: Ranked;
  /** The notifications array saved and its length then; null rewrites every chunk. */
  notes: Notification[] | null;
  notesLength: number;
}

const newRanked = (): Ranked => ({ buckets: new Set(), seq: new Map(), nextSeq: 0 });

/** What the rows on disk hold, so the next checkpoint writes only what differs. */
export interface SavedLayout {
  rev: string | null;
  logLength: number;
  /** The sizes the log and history rows on disk are cut in. */
  chunks: ChunkSizes;
  orgs: Map<string, OrgLayout>;
  /** Per queue bucket on disk: how many messages and the sum of their seqs. */
  queue: Map<number, QueueSig>;
}

interface QueueSig {
  count: number;
  sum: number;
}

/** The messages in flight by bucket, with each bucket's signature. */
function queueBuckets(queue: readonly Message[]) {
  const out = new Map<number, QueueSig & { messages: Message[] }>();
  for (const m of queue) {
    const b = Math.floor(m.seq / QUEUE_BUCKET);
    let e = out.get(b);
    if (!e) out.set(b, (e = { count: 0, sum: 0, messages: [] }));
    e.count++;
    e.sum += m.seq;
    e.messages.push(m);
  }
  return out;
}

/** Writes the queue buckets that differ from `saved` (all without it) and updates `saved`. */
function splitQueue(
  queue: readonly Message[],
  saved: Map<number, QueueSig>,
  copy: Copy,
  parts: CheckpointPart[],
  drop: string[],
) {
  const now = queueBuckets(queue);
  for (const [b, e] of now) {
    const was = saved.get(b);
    if (was && was.count === e.count && was.sum === e.sum) continue;
    saved.set(b, { count: e.count, sum: e.sum });
    parts.push({ part: queuePart(b), data: copy(e.messages), frozen: true });
  }
  for (const b of [...saved.keys()])
    if (!now.has(b)) {
      saved.delete(b);
      drop.push(queuePart(b));
    }
}

export interface Checkpoint {
  data: CheckpointData;
  /** The rows on disk once `data` is written. */
  layout: SavedLayout;
}

export const emptyDirty = (): Dirty => ({ records: new Map(), pnrcs: new Map(), orgs: new Set() });

function mergeIds(into: Map<string, Set<string>>, from: Map<string, Set<string>>) {
  for (const [org, ids] of from) {
    const set = into.get(org);
    if (!set) into.set(org, new Set(ids));
    else for (const id of ids) set.add(id);
  }
}

/** Adds `from` to `into` (keeping first-seen order) and returns `into`. */
export function mergeDirty(into: Dirty, from: Dirty): Dirty {
  for (const org of from.orgs) into.orgs.add(org);
  mergeIds(into.records, from.records);
  mergeIds(into.pnrcs, from.pnrcs);
  return into;
}

const ENGINE_ID = /^([0-9A-Za-z]{3}[A-Z])(\d{11})$/;

/**
 * The bucket a record id belongs to, a pure function of the id so that a bucket never moves.
 * Engine ids are `<3-char key prefix><org tag><11-digit counter>`, the counter running per
 * prefix and org, so the bucket is the prefix and tag plus counter / BUCKET_SIZE
 * (`001A.3` holds Accounts 1500–1999 of org A): buckets fill one after another, new records
 * land in the last one, and the count grows with the org at ≤ BUCKET_SIZE records each. A
 * bucket's members can be listed from its name without an index (bucketIds). Any other id
 * goes to one of HASH_BUCKETS buckets by a string hash (`#5`).
 */
export function bucketOf(id: string): string {
  const m = ENGINE_ID.exec(id);
  if (m) return `${m[1]}.${Math.floor(Number(m[2]) / BUCKET_SIZE)}`;
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return `#${(h >>> 0) % HASH_BUCKETS}`;
}

const RANGE_BUCKET = /^(.{4})\.(\d+)$/;

/** The members of one bucket as they are now, with their ranks. */
function bucketMembers<T>(
  bucket: string,
  lay: Ranked,
  get: (id: string) => T | undefined,
  allIds: () => Iterable<string>,
): { seq: number[]; items: T[] } {
  const seq: number[] = [];
  const items: T[] = [];
  const add = (id: string) => {
    const item = get(id);
    if (item === undefined) return;
    let n = lay.seq.get(id);
    if (n === undefined) lay.seq.set(id, (n = lay.nextSeq++));
    seq.push(n);
    items.push(item);
  };
  const m = RANGE_BUCKET.exec(bucket);
  if (m) {
    const first = Number(m[2]) * BUCKET_SIZE;
    for (let c = first; c < first + BUCKET_SIZE; c++) add(m[1] + String(c).padStart(11, '0'));
  } else for (const id of allIds()) if (bucketOf(id) === bucket) add(id);
  return { seq, items };
}

/** One bucket of records as it is now: how many, and its row, built when first read. */
interface TakenBucket {
  count: number;
  row: () => BucketRow;
}

/**
 * A range bucket's rows are consecutive rows of one table: copied by column now, which is
 * cheap, and made into records only when the row is put (see tableRows). Other buckets are
 * built at once, member by member.
 */
function takeBucket(org: OrgState, bucket: string, lay: OrgLayout): TakenBucket {
  const m = RANGE_BUCKET.exec(bucket);
  if (!m) {
    const { seq, items } = bucketMembers(
      bucket,
      lay,
      (id) => recordOf(org, id),
      () => recordIds(org),
    );
    return { count: items.length, row: () => ({ seq, records: items }) };
  }
  const tag = m[1]!;
  const prefix = tag.slice(0, PREFIX);
  let table;
  for (const k in org.records) if (org.records[k]!.keyPrefix === prefix) table = org.records[k];
  if (!table) return { count: 0, row: () => ({ seq: [], records: [] }) };
  // Counter c is row c - 1 (recordTables.ts).
  const first = Number(m[2]) * BUCKET_SIZE;
  const rows = tableRows(table, Math.max(0, first - 1), first + BUCKET_SIZE - 1);
  const seq: number[] = [];
  const live: number[] = [];
  for (let r = 0; r < rows.Id.length; r++) {
    const id = rows.Id[r];
    if (!id || !id.startsWith(tag)) continue;
    let n = lay.seq.get(id);
    if (n === undefined) lay.seq.set(id, (n = lay.nextSeq++));
    seq.push(n);
    live.push(r);
  }
  return { count: live.length, row: () => ({ seq, records: live.map((r) => recordAt(rows, r)) }) };
}

/** A frozen row whose data is built on first read (by the store, maybe a task later). */
function lazyPart(part: string, build: () => unknown, copy: Copy): CheckpointPart {
  if (copy !== same) return { part, data: copy(build()), frozen: true };
  let data: unknown;
  let built = false;
  return {
    part,
    frozen: true,
    get data() {
      if (!built) {
        data = build();
        built = true;
      }
      return data;
    },
    set data(v) {
      data = v;
      built = true;
    },
  };
}

function pnrcRow(org: OrgState, bucket: string, lay: Ranked): PnrcBucketRow {
  const pnrcs = org.recordConnections;
  const { seq, items } = bucketMembers(
    bucket,
    lay,
    (id) => (Object.hasOwn(pnrcs, id) ? pnrcs[id] : undefined),
    () => Object.keys(pnrcs),
  );
  return { seq, pnrcs: items };
}

/** Every PNRC row of one org, from scratch. */
function splitPnrcs(
  id: string,
  pnrcs: Record<string, PartnerNetworkRecordConnection>,
  copy: Copy,
  parts: CheckpointPart[],
): Ranked {
  const lay = newRanked();
  const rows = new Map<string, PnrcBucketRow>();
  for (const key in pnrcs) {
    const b = bucketOf(key);
    let row = rows.get(b);
    if (!row) rows.set(b, (row = { seq: [], pnrcs: [] }));
    lay.seq.set(key, lay.nextSeq);
    row.seq.push(lay.nextSeq++);
    row.pnrcs.push(pnrcs[key]!);
  }
  for (const [b, row] of rows) {
    lay.buckets.add(b);
    parts.push({ part: pnrcPart(id, b), data: copy(row), frozen: true });
  }
  return lay;
}

/** The org row: what is not kept in buckets or chunks, nor derived. */
function orgRowOf(org: OrgState): OrgRow {
  // The share index is derived: the sandbox rebuilds it (and it holds the PNRCs a second time).
  const {
    records: _r,
    history: _h,
    shareIndex: _s,
    recordConnections: _p,
    notifications: _n,
    ...rest
  } = org;
  return rest;
}

type Copy = <T>(v: T) => T;
const same: Copy = (v) => v;

function newRev(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Every row of one org, from scratch. */
function splitOrg(id: string, org: OrgState, copy: Copy, parts: CheckpointPart[]): OrgLayout {
  const { records, history } = org;
  parts.push({ part: orgPart(id), data: copy(orgRowOf(org)) });
  const lay: OrgLayout = {
    ...newRanked(),
    historyLength: 0,
    pnrcs: newRanked(),
    notes: null,
    notesLength: 0,
  };
  const rows = new Map<string, BucketRow>();
  for (const rec of eachRecord({ records } as OrgState)) {
    const b = bucketOf(rec.Id);
    let row = rows.get(b);
    if (!row) rows.set(b, (row = { seq: [], records: [] }));
    lay.seq.set(rec.Id, lay.nextSeq);
    row.seq.push(lay.nextSeq++);
    row.records.push(rec);
  }
  for (const [b, row] of rows) {
    lay.buckets.add(b);
    parts.push({ part: bucketPart(id, b), data: copy(row), frozen: true });
  }
  lay.pnrcs = splitPnrcs(id, org.recordConnections, copy, parts);
  pushHistory(id, history, 0, lay, copy, parts);
  pushNotes(id, org.notifications, lay, copy, parts, []);
  return lay;
}

/** The notification chunks that differ from what `lay` saved; updates `lay`. */
function pushNotes(
  id: string,
  notes: Notification[],
  lay: OrgLayout,
  copy: Copy,
  parts: CheckpointPart[],
  drop: string[],
) {
  if (notes === lay.notes && notes.length === lay.notesLength) return;
  const from = notes === lay.notes && notes.length > lay.notesLength ? lay.notesLength : 0;
  for (let c = Math.floor(from / NOTE_CHUNK); c * NOTE_CHUNK < notes.length; c++)
    parts.push({
      part: notePart(id, c),
      data: copy(notes.slice(c * NOTE_CHUNK, (c + 1) * NOTE_CHUNK)),
      frozen: true,
    });
  for (let c = chunks(notes.length, NOTE_CHUNK); c < chunks(lay.notesLength, NOTE_CHUNK); c++)
    drop.push(notePart(id, c));
  lay.notes = notes;
  lay.notesLength = notes.length;
}

function pushHistory(
  id: string,
  history: FieldHistoryEntry[],
  from: number,
  lay: OrgLayout,
  copy: Copy,
  parts: CheckpointPart[],
) {
  for (let c = Math.floor(from / HISTORY_CHUNK); c * HISTORY_CHUNK < history.length; c++)
    parts.push({
      part: historyPart(id, c),
      data: copy(history.slice(c * HISTORY_CHUNK, (c + 1) * HISTORY_CHUNK)),
      frozen: true,
    });
  lay.historyLength = history.length;
}

/** The log chunks from entry `from` on. */
function pushLog(log: LogEntry[], from: number, copy: Copy, parts: CheckpointPart[]) {
  for (let c = Math.floor(from / LOG_CHUNK); c * LOG_CHUNK < log.length; c++)
    parts.push({
      part: logPart(c),
      data: copy(log.slice(c * LOG_CHUNK, (c + 1) * LOG_CHUNK)),
      frozen: true,
    });
}

const layoutRowOf = (lay: OrgLayout): OrgLayoutRow => ({
  buckets: [...lay.buckets].sort(),
  pnrcs: [...lay.pnrcs.buckets].sort(),
  historyLength: lay.historyLength,
  notifications: lay.notesLength,
});

const chunks = (length: number, size: number) => Math.ceil(length / size);

function coreOf(s: SandboxState, layout: SavedLayout, copy: Copy): CoreState {
  const { orgs: _orgs, log, network, ...rest } = s;
  const rows: Record<string, OrgLayoutRow> = {};
  for (const [id, lay] of layout.orgs) rows[id] = layoutRowOf(lay);
  const { queue: _q, ...net } = network;
  return {
    ...copy({ ...rest, network: { ...net, queue: [] } }),
    logLength: log.length,
    layout: rows,
    queueBuckets: [...layout.queue.keys()].sort((a, b) => a - b),
    chunks: { ...layout.chunks },
  };
}

export interface TakeOptions {
  /** What the rows on disk hold; null (default) takes a full checkpoint. Updated in place. */
  base?: SavedLayout | null;
  /** Changed since `base` was written (from `Sandbox.takeDirty()`). */
  dirty?: Dirty;
  /** Deep-copy the parts; otherwise they share live objects (see takeCheckpoint). */
  copy?: boolean;
}

/**
 * A checkpoint of the sandbox as it is now: every row without `base`, else only core, the
 * rows `dirty` names and the new log and history chunks. The parts share the live objects
 * unless `copy`: a store must clone them synchronously, before anything else can run
 * (IndexedDB's put does exactly that), which keeps them consistent at one instant without
 * paying for a second clone. `base` is updated in place into the returned layout: if the
 * write fails, drop it and take a full checkpoint next.
 */
export function takeCheckpoint(sb: Sandbox, opts: TakeOptions = {}): Checkpoint {
  const state = sb.currentState();
  const copy = opts.copy ? structuredClone : same;
  if (!opts.base) return splitState(state, copy);
  return incremental(state, opts.base, opts.dirty ?? emptyDirty(), copy);
}

/** Cuts a whole state into checkpoint rows. */
export function splitState(s: SandboxState, copy: Copy = same): Checkpoint {
  const rev = newRev();
  const layout: SavedLayout = {
    rev,
    logLength: s.log.length,
    chunks: { ...CHUNKS },
    orgs: new Map(),
    queue: new Map(),
  };
  const parts: CheckpointPart[] = [];
  for (const id of s.orgOrder) layout.orgs.set(id, splitOrg(id, s.orgs[id]!, copy, parts));
  splitQueue(s.network.queue, layout.queue, copy, parts, []);
  pushLog(s.log, 0, copy, parts);
  parts.unshift({ part: CORE, data: coreOf(s, layout, copy) }, { part: REV, data: rev });
  return { data: dataOf(s, parts, [], rev), layout };
}

function dataOf(
  s: SandboxState,
  parts: CheckpointPart[],
  drop: string[],
  rev: string,
  baseRev?: string | null,
): CheckpointData {
  return {
    parts,
    drop,
    rev,
    ...(baseRev !== undefined ? { baseRev } : {}),
    commandCount: s.commandCount,
    now: s.now,
    orgCount: s.orgOrder.length,
  };
}

function incremental(s: SandboxState, base: SavedLayout, dirty: Dirty, copy: Copy): Checkpoint {
  const parts: CheckpointPart[] = [];
  const drop: string[] = [];
  // Rows cut in other sizes (read from an older database) are rewritten whole in today's, and
  // chunk names past the new ones are dropped by the old sizes.
  const old = base.chunks;
  const recut = old.log !== LOG_CHUNK || old.history !== HISTORY_CHUNK;
  base.chunks = { ...CHUNKS };
  for (const id of s.orgOrder) {
    const org = s.orgs[id]!;
    const lay = base.orgs.get(id);
    if (!lay) {
      base.orgs.set(id, splitOrg(id, org, copy, parts));
      continue;
    }
    if (dirty.orgs.has(id)) parts.push({ part: orgPart(id), data: copy(orgRowOf(org)) });
    const pids = dirty.pnrcs.get(id);
    if (pids?.size) {
      const pl = lay.pnrcs;
      const touched = new Set<string>();
      for (const pid of pids) {
        if (!Object.hasOwn(org.recordConnections, pid)) pl.seq.delete(pid);
        else if (!pl.seq.has(pid)) pl.seq.set(pid, pl.nextSeq++);
        touched.add(bucketOf(pid));
      }
      for (const b of touched) {
        const row = pnrcRow(org, b, pl);
        if (row.pnrcs.length) {
          pl.buckets.add(b);
          parts.push({ part: pnrcPart(id, b), data: copy(row), frozen: true });
        } else if (pl.buckets.delete(b)) drop.push(pnrcPart(id, b));
      }
    }
    const ids = dirty.records.get(id);
    if (ids?.size) {
      const touched = new Set<string>();
      for (const rid of ids) {
        if (!hasRecord(org, rid)) lay.seq.delete(rid);
        else if (!lay.seq.has(rid)) lay.seq.set(rid, lay.nextSeq++); // new: ranked in dirty order
        touched.add(bucketOf(rid));
      }
      for (const b of touched) {
        const taken = takeBucket(org, b, lay);
        if (taken.count) {
          lay.buckets.add(b);
          parts.push(lazyPart(bucketPart(id, b), taken.row, copy));
        } else if (lay.buckets.delete(b)) drop.push(bucketPart(id, b));
      }
    }
    pushNotes(id, org.notifications, lay, copy, parts, drop);
    const saved = lay.historyLength;
    if (org.history.length === saved && !recut) continue;
    for (let c = chunks(org.history.length, HISTORY_CHUNK); c < chunks(saved, old.history); c++)
      drop.push(historyPart(id, c));
    const from = org.history.length < saved || recut ? 0 : saved;
    pushHistory(id, org.history, from, lay, copy, parts);
  }
  for (const [id, lay] of base.orgs) {
    if (Object.hasOwn(s.orgs, id)) continue;
    drop.push(orgPart(id), ...[...lay.buckets].map((b) => bucketPart(id, b)));
    drop.push(...[...lay.pnrcs.buckets].map((b) => pnrcPart(id, b)));
    for (let c = 0; c < chunks(lay.historyLength, old.history); c++) drop.push(historyPart(id, c));
    for (let c = 0; c < chunks(lay.notesLength, NOTE_CHUNK); c++) drop.push(notePart(id, c));
    base.orgs.delete(id);
  }
  const savedLog = base.logLength;
  const logFrom =
    s.log.length < savedLog || recut ? 0 : s.log.length === savedLog ? Infinity : savedLog;
  pushLog(s.log, logFrom, copy, parts);
  for (let c = chunks(s.log.length, LOG_CHUNK); c < chunks(savedLog, old.log); c++)
    drop.push(logPart(c));
  base.logLength = s.log.length;
  splitQueue(s.network.queue, base.queue, copy, parts, drop);
  const baseRev = base.rev;
  const rev = (base.rev = newRev());
  parts.unshift({ part: CORE, data: coreOf(s, base, copy) }, { part: REV, data: rev });
  return { data: dataOf(s, parts, drop, rev, baseRev), layout: base };
}

/** Every row a checkpoint consists of (a full write deletes the others). */
export function partNames(data: CheckpointData): Set<string> {
  const core = data.parts.find((p) => p.part === CORE)!.data as CoreState;
  return namesOf(core);
}

function namesOf(core: CoreState): Set<string> {
  const names = new Set([CORE, REV]);
  const sizes = core.chunks ?? CHUNKS_BEFORE_V5;
  for (const id of core.orgOrder) {
    names.add(orgPart(id));
    const lay = core.layout[id];
    if (!lay) continue;
    for (const b of lay.buckets) names.add(bucketPart(id, b));
    for (const b of lay.pnrcs ?? []) names.add(pnrcPart(id, b));
    for (let c = 0; c < chunks(lay.historyLength, sizes.history); c++)
      names.add(historyPart(id, c));
    for (let c = 0; c < chunks(lay.notifications ?? 0, NOTE_CHUNK); c++) names.add(notePart(id, c));
  }
  for (let c = 0; c < chunks(core.logLength, sizes.log); c++) names.add(logPart(c));
  for (const b of core.queueBuckets ?? []) names.add(queuePart(b));
  return names;
}

export class CorruptCheckpointError extends Error {}
/** An incremental write found another checkpoint on disk than the one it builds on. */
export class StaleCheckpointError extends Error {}

/**
 * Puts the rows back together, with the layout they form; null without a core row. Throws
 * when a row is missing rather than load half a state.
 */
export function restoreCheckpoint(
  rows: readonly CheckpointPart[],
): { state: SandboxState; layout: SavedLayout } | null {
  const byPart = new Map(rows.map((r) => [r.part, r.data]));
  const core = byPart.get(CORE) as CoreState | undefined;
  if (!core) return null;
  const { logLength, layout: layoutRows, queueBuckets: qb, chunks: sizes, ...rest } = core;
  if (!layoutRows) throw new CorruptCheckpointError('The saved sandbox has no row layout.');
  const rev = byPart.get(REV);
  const layout: SavedLayout = {
    rev: typeof rev === 'string' ? rev : null,
    logLength,
    chunks: { ...(sizes ?? CHUNKS_BEFORE_V5) },
    orgs: new Map(),
    queue: new Map(),
  };
  if (qb) {
    const queue: Message[] = [];
    for (const b of qb) {
      const row = byPart.get(queuePart(b)) as Message[] | undefined;
      if (!row) throw new CorruptCheckpointError(`The saved sandbox lacks messages ${b}.`);
      for (const m of row) queue.push(m);
    }
    queue.sort(byDue);
    // Signatures from the rows themselves: the next checkpoint rewrites what differs.
    for (const [b, e] of queueBuckets(queue)) layout.queue.set(b, { count: e.count, sum: e.sum });
    rest.network = { ...rest.network, queue };
  }
  const orgs: Record<string, OrgState> = {};
  for (const id of core.orgOrder) {
    const row = byPart.get(orgPart(id)) as OrgRow | undefined;
    const lr = layoutRows[id];
    if (!row || !lr) throw new CorruptCheckpointError(`The saved sandbox lacks org "${id}".`);
    if (!lr.pnrcs)
      throw new CorruptCheckpointError(`The saved sandbox lacks the shares' layout of "${id}".`);
    const pl: Ranked = { buckets: new Set(lr.pnrcs), seq: new Map(), nextSeq: 0 };
    const lay: OrgLayout = {
      buckets: new Set(lr.buckets),
      historyLength: lr.historyLength,
      seq: new Map(),
      nextSeq: 0,
      pnrcs: pl,
      notes: null,
      notesLength: 0,
    };
    const rankedP: [number, PartnerNetworkRecordConnection][] = [];
    for (const b of lr.pnrcs) {
      const bucket = byPart.get(pnrcPart(id, b)) as PnrcBucketRow | undefined;
      if (!bucket)
        throw new CorruptCheckpointError(`The saved sandbox lacks shares ${b} of org "${id}".`);
      bucket.pnrcs.forEach((p, i) => rankedP.push([bucket.seq[i]!, p]));
    }
    rankedP.sort((a, b) => a[0] - b[0]);
    const recordConnections: Record<string, PartnerNetworkRecordConnection> = {};
    for (const [n, p] of rankedP) {
      pl.seq.set(p.Id, n);
      recordConnections[p.Id] = p;
    }
    pl.nextSeq = rankedP.length ? rankedP[rankedP.length - 1]![0] + 1 : 0;
    const ranked: [number, SObjectRecord][] = [];
    for (const b of lr.buckets) {
      const bucket = byPart.get(bucketPart(id, b)) as BucketRow | undefined;
      if (!bucket)
        throw new CorruptCheckpointError(`The saved sandbox lacks records ${b} of org "${id}".`);
      bucket.records.forEach((r, i) => ranked.push([bucket.seq[i]!, r]));
    }
    ranked.sort((a, b) => a[0] - b[0]);
    for (const [n, r] of ranked) lay.seq.set(r.Id, n);
    const records = tablesOf(ranked.map(([, r]) => r));
    lay.nextSeq = ranked.length ? ranked[ranked.length - 1]![0] + 1 : 0;
    const history: FieldHistoryEntry[] = [];
    for (let c = 0; c < chunks(lr.historyLength, layout.chunks.history); c++) {
      const chunk = byPart.get(historyPart(id, c)) as FieldHistoryEntry[] | undefined;
      if (!chunk)
        throw new CorruptCheckpointError(`The saved sandbox lacks history chunk ${c} of "${id}".`);
      for (const e of chunk) history.push(e);
    }
    if (history.length < lr.historyLength)
      throw new CorruptCheckpointError(`The saved history of org "${id}" is cut short.`);
    history.length = lr.historyLength;
    let notifications = (row as Partial<OrgState>).notifications ?? [];
    if (lr.notifications !== undefined) {
      notifications = [];
      for (let c = 0; c < chunks(lr.notifications, NOTE_CHUNK); c++) {
        const chunk = byPart.get(notePart(id, c)) as Notification[] | undefined;
        if (!chunk)
          throw new CorruptCheckpointError(
            `The saved sandbox lacks notifications ${c} of "${id}".`,
          );
        for (const n of chunk) notifications.push(n);
      }
      if (notifications.length !== lr.notifications)
        throw new CorruptCheckpointError(`The saved notifications of org "${id}" are cut short.`);
      lay.notes = notifications;
      lay.notesLength = notifications.length;
    }
    // The share indexes are left to the sandbox, which builds them from the PNRCs whatever
    // state it is given (building them here too cost a second pass over every share).
    orgs[id] = {
      ...row,
      records,
      recordConnections,
      history,
      notifications,
      shareIndex: {},
    } as OrgState;
    layout.orgs.set(id, lay);
  }
  const log: LogEntry[] = [];
  for (let c = 0; c < chunks(logLength, layout.chunks.log); c++) {
    const chunk = byPart.get(logPart(c)) as LogEntry[] | undefined;
    if (!chunk) throw new CorruptCheckpointError(`The saved sandbox lacks log chunk ${c}.`);
    for (const e of chunk) log.push(e);
  }
  if (log.length < logLength) throw new CorruptCheckpointError('The saved event log is cut short.');
  log.length = logLength;
  return { state: { ...rest, orgs, log } as SandboxState, layout };
}

/**
 * Database v2→v3: each whole-org row becomes an org row, record buckets and history chunks,
 * and core gains the layout; null when there is no v2 checkpoint to convert. It writes
 * today's rows (splitOrg), which every later upgrade (upgradeV3Rows) leaves as they are, so
 * a layout change needs a new database version whose upgrade skips rows already cut its way.
 */
export function upgradeV2Rows(rows: readonly CheckpointPart[]): CheckpointPart[] | null {
  const byPart = new Map(rows.map((r) => [r.part, r.data]));
  const core = byPart.get(CORE) as CoreStateV2 | undefined;
  if (!core || 'layout' in core) return null;
  const parts: CheckpointPart[] = [];
  const layout: Record<string, OrgLayoutRow> = {};
  for (const id of core.orgOrder ?? []) {
    const org = byPart.get(orgPart(id)) as OrgState | undefined;
    if (!org?.records) continue; // missing already: loading it says so, as it did
    // Rows a v1 database was upgraded into hold the tables of the format they migrated to.
    const records = isRecordMap(org.records) ? tablesOf(Object.values(org.records)) : org.records;
    const lay = splitOrg(id, { ...org, records, history: org.history ?? [] }, same, parts);
    layout[id] = layoutRowOf(lay);
  }
  // The log rows stay as v2 cut them; the history rows are cut here, in today's size.
  const chunks: ChunkSizes = { log: CHUNKS_BEFORE_V5.log, history: HISTORY_CHUNK };
  parts.unshift({ part: CORE, data: { ...core, layout, chunks } }, { part: REV, data: newRev() });
  return parts;
}

/**
 * Database v3→v4: each org row's PartnerNetworkRecordConnections move into PNRC buckets and
 * core's layout names them; null when there is nothing to convert. Rows already cut this way
 * (as the v2→v3 upgrade now writes them) are left as they are.
 */
export function upgradeV3Rows(rows: readonly CheckpointPart[]): CheckpointPart[] | null {
  const byPart = new Map(rows.map((r) => [r.part, r.data]));
  const core = byPart.get(CORE) as CoreState | undefined;
  if (!core?.layout) return null;
  const parts: CheckpointPart[] = [];
  const layout: Record<string, OrgLayoutRow> = {};
  let changed = false;
  for (const [id, lr] of Object.entries(core.layout)) {
    const org = byPart.get(orgPart(id)) as
      (OrgRow & { recordConnections?: Record<string, PartnerNetworkRecordConnection> }) | undefined;
    if (lr.pnrcs || !org) {
      layout[id] = lr;
      continue;
    }
    changed = true;
    const { recordConnections = {}, ...rest } = org;
    parts.push({ part: orgPart(id), data: rest });
    const pl = splitPnrcs(id, recordConnections, same, parts);
    layout[id] = { ...lr, pnrcs: [...pl.buckets].sort() };
  }
  if (!changed) return null;
  parts.unshift({ part: CORE, data: { ...core, layout } }, { part: REV, data: newRev() });
  return parts;
}

/** The saved state alone, with its derived share indexes (see restoreCheckpoint). */
export function assembleCheckpoint(rows: readonly CheckpointPart[]): SandboxState | null {
  const state = restoreCheckpoint(rows)?.state ?? null;
  for (const id of state?.orgOrder ?? []) indexShares(state!.orgs[id]!);
  return state;
}
