import { eachRecord, recordIds } from '../src/engine/org/recordCopies.ts';
/**
 * Runs in Chromium (served by Vite): saves and restores a sandbox of 10,000 shared records
 * with 1,000 messages in flight, runs autosave beside a live simulation, and measures a plain
 * Dexie bulkPut of the same records in the same run as the baseline.
 */
import { Dexie } from 'dexie';
import { S2S } from '../src/engine/api.ts';
import { Autosave } from '../src/persistence/autosave.ts';
import { emptyDirty, takeCheckpoint, type SavedLayout } from '../src/persistence/checkpoint.ts';
import { DexieStore } from '../src/persistence/dexieStore.ts';
import { connectedWorld, run } from '../tests/unit/persistence/world.ts';

export interface PersistenceFigures {
  records: number;
  /** PartnerNetworkRecordConnections across the orgs. */
  shares: number;
  inFlight: number;
  logEntries: number;
  buildMs: number;
  snapshotMs: number;
  takeCheckpointMs: number;
  /** The longest task of a full save. */
  saveBlockMs: number;
  /** A full save's whole main-thread time: taking it and every slice of its write. */
  saveMainMs: number;
  /** Main-thread block of an incremental checkpoint with nothing dirty: core (network) + rev. */
  idleBlockMs: number;
  /** Main-thread block of an incremental checkpoint after a burst that touched every record. */
  burstBlockMs: number;
  burstMs: number;
  rows: number;
  saveMs: number;
  restoreMs: number;
  bulkPutMs: number;
  bulkGetMs: number;
  autosave: {
    seconds: number;
    transactionsPerSec: number;
    checkpoints: number;
    journalWrites: number;
    meanCheckpointMs: number;
    longestFrameGapMs: number;
    longestLongTaskMs: number;
    maxCheckpointCopyMs: number;
    fullCheckpoints: number;
    rowsPerCheckpoint: number;
    /** Each checkpoint: when, how long IndexedDB's puts blocked, which rows. */
    log: { atMs: number; putMs: number; full: boolean; rows: string[] }[];
    delivered: number;
    baselineLongestFrameGapMs: number;
    maxSliceMs: number;
    /** The median frame of the run with autosave. */
    medianFrameMs: number;
    baselineLongestLongTaskMs: number;
  };
}

const RECORDS = 10_000;
const IN_FLIGHT = 1_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * 10,000 records in acme, shared with globex (each org holds a PartnerNetworkRecordConnection
 * for each), then 1,000 updates in flight on a 60 s link.
 */
function build(): S2S {
  const s = S2S.create({ seed: 42 });
  const { A, aConn, ids } = connectedWorld(s, IN_FLIGHT);
  let count = s.records('acme').length;
  const bulk: string[] = [];
  for (let i = 0; count < RECORDS; i++, count++) {
    const [id] = run(s, [
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: `Bulk ${i}`, Phone: '555-0100' },
      },
    ]);
    bulk.push(id!);
  }
  for (let i = 0; i < bulk.length; i += 500)
    run(s, [
      {
        type: 'record.forward',
        org: 'acme',
        as: A,
        recordIds: bulk.slice(i, i + 500),
        connectionIds: [aConn],
      },
    ]);
  // Every share accepted and every earlier update applied; then the updates in flight.
  s.runUntilIdle();
  for (const id of ids)
    run(s, [{ type: 'record.update', org: 'acme', as: A, id, values: { Phone: `556-${id}` } }]);
  return s;
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

/** Runs the simulation a slice per frame for `ms`, as the app's play loop does. */
async function playFor(s: S2S, ms: number, onFrame: (i: number) => void) {
  // Let the task that set this run up (a snapshot, a restore) end first: an observer
  // registered inside a long task reports that task.
  await new Promise((r) => setTimeout(r, 200));
  let longTask = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTask = Math.max(longTask, e.duration);
  });
  try {
    obs.observe({ type: 'longtask', buffered: false });
  } catch {
    /* no longtask support: frame gaps still tell */
  }
  let gap = 0;
  const frames: number[] = [];
  const start = performance.now();
  let last = start;
  let last0 = start;
  let i = 0;
  await new Promise<void>((done) => {
    const frame = (t: number) => {
      // When the callback really runs: a task blocking the thread delays it (rAF's own
      // timestamp is the frame's start, which headless Chromium may not hold back).
      const now = performance.now();
      gap = Math.max(gap, now - last);
      if (i) frames.push(now - last);
      last = now;
      // Real time: the messages in flight arrive during the run, a few dozen per frame.
      s.sandbox.advance(Math.min(100, t - last0));
      last0 = t;
      onFrame(i++);
      if (t - start < ms) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  obs.disconnect();
  return { gap, longTask, frames: i, medianFrame: median(frames) };
}

async function main(): Promise<PersistenceFigures> {
  const [buildMs, s] = await time(build);
  const state = s.sandbox.state;
  const records = state.orgOrder.reduce((n, id) => n + recordIds(state.orgs[id]!).length, 0);
  const inFlight = s.inFlight().length;
  const shares = state.orgOrder.reduce(
    (n, id) => n + Object.keys(state.orgs[id]!.recordConnections).length,
    0,
  );
  const snapshotMs = median(
    await Promise.all([0, 1, 2].map(async () => (await time(() => s.snapshot()))[0])),
  );
  const takeCheckpointMs = median(
    await Promise.all([0, 1, 2].map(async () => (await time(() => takeCheckpoint(s.sandbox)))[0])),
  );

  // Baseline: the same records as plain rows, one bulkPut, then read back.
  const rows = state.orgOrder.flatMap((id) => [...eachRecord(state.orgs[id]!)]);
  const plain = new Dexie(`bench-plain-${Date.now()}`);
  plain.version(1).stores({ records: 'Id' });
  const put: number[] = [];
  const get: number[] = [];
  for (let k = 0; k < 3; k++) {
    await plain.table('records').clear();
    put.push((await time(() => plain.table('records').bulkPut(rows)))[0]);
    get.push((await time(() => plain.table('records').toArray()))[0]);
  }

  const name = `bench-${Date.now()}`;
  const store = new DexieStore(name);
  const meta = await store.create('Bench', { seed: 42 });
  await store.appendJournal(meta.id, s.scenario().commands);
  const save: number[] = [];
  const block: number[] = [];
  const saveMain: number[] = [];
  let rowCount = 0;
  let layout: SavedLayout | null = null;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    const cp = takeCheckpoint(s.sandbox);
    let slice = 0;
    let slices = 0;
    const write = store.writeCheckpoint(meta.id, {
      data: cp.data,
      journal: [],
      full: true,
      onSlice: (ms) => {
        slice = Math.max(slice, ms);
        slices += ms;
      },
    });
    rowCount = cp.data.parts.length;
    layout = cp.layout;
    // Until the call returns, the page is blocked: taking the parts plus the first puts'
    // clones; the longest task of the write is that or one of its later slices.
    const first = performance.now() - t;
    await write;
    block.push(Math.max(first, slice));
    saveMain.push(first + slices);
    save.push(performance.now() - t);
  }
  // Incremental checkpoints: nothing dirty (the floor every checkpoint pays), then a burst
  // that touched every record (the worst case: as much as a full write).
  const idle: number[] = [];
  const burst: number[] = [];
  const burstTotal: number[] = [];
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    let cp = takeCheckpoint(s.sandbox, { base: layout!, dirty: emptyDirty() });
    let write = store.writeCheckpoint(meta.id, { data: cp.data, journal: [], full: false });
    idle.push(performance.now() - t);
    await write;
    const all = emptyDirty();
    for (const id of state.orgOrder) all.records.set(id, new Set(recordIds(state.orgs[id]!)));
    t = performance.now();
    cp = takeCheckpoint(s.sandbox, { base: cp.layout, dirty: all });
    let slice = 0;
    write = store.writeCheckpoint(meta.id, {
      data: cp.data,
      journal: [],
      full: false,
      onSlice: (ms) => (slice = Math.max(slice, ms)),
    });
    const firstTask = performance.now() - t;
    await write;
    burst.push(Math.max(firstTask, slice));
    burstTotal.push(performance.now() - t);
    layout = cp.layout;
  }
  const restore: number[] = [];
  let opened: S2S | null = null;
  for (let k = 0; k < 3; k++) {
    const fresh = new DexieStore(name);
    const [ms, loaded] = await time(() => fresh.open(meta.id));
    restore.push(ms);
    opened = loaded.s2s;
    fresh.close();
  }
  if (opened!.inFlight().length !== inFlight) throw new Error('restore lost messages in flight');

  // Autosave beside a running simulation, and the same run without it.
  const SECONDS = 5;
  const A = s.orgs()[0]!.adminId;
  const ids = recordIds(state.orgs.acme!).slice(0, 500);
  const edit = (target: S2S, i: number) => {
    if (i % 6 === 0)
      target.dispatch({
        type: 'record.update',
        org: 'acme',
        as: A,
        id: ids[i % ids.length]!,
        values: { Phone: `555-${i}` },
      });
  };
  // Start the run just before the messages in flight fall due.
  const firstDue = Math.min(...s.inFlight().map((m) => m.dueAt));
  s.sandbox.advance(firstDue - 1000 - s.now);
  await store.writeCheckpoint(meta.id, {
    data: takeCheckpoint(s.sandbox).data,
    journal: [],
    full: true,
  });
  const base = S2S.restore(s.snapshot());
  const baseline = await playFor(base, SECONDS * 1000, (i) => edit(base, i));

  const live = (await store.open(meta.id)).s2s;
  let checkpoints = 0;
  let journalWrites = 0;
  let checkpointMs = 0;
  let rowsWritten = 0;
  const write = store.writeCheckpoint.bind(store);
  const runStart = performance.now();
  const checkpointLog: PersistenceFigures['autosave']['log'] = [];
  store.writeCheckpoint = async (id, w) => {
    checkpoints++;
    rowsWritten += w.data.parts.length;
    const t = performance.now();
    const done = write(id, w);
    checkpointLog.push({
      atMs: Math.round(t - runStart),
      putMs: Math.round((performance.now() - t) * 10) / 10,
      full: w.full,
      rows: w.data.parts.map((p) => p.part),
    });
    await done;
    checkpointMs += performance.now() - t;
  };
  const append = store.appendJournal.bind(store);
  store.appendJournal = (id, e) => {
    journalWrites++;
    return append(id, e);
  };
  const autosave = new Autosave(store, meta.id, live);
  await autosave.start();
  if (autosave.status === 'readonly') throw new Error('bench autosave could not take the lock');
  const before = live.inFlight().length;
  const withSave = await playFor(live, SECONDS * 1000, (i) => edit(live, i));
  const delivered = before - live.inFlight().length;
  await autosave.flush();
  await autosave.stop();
  store.close();
  plain.close();

  return {
    records,
    shares,
    inFlight,
    logEntries: state.log.length,
    buildMs,
    snapshotMs,
    takeCheckpointMs,
    saveBlockMs: median(block),
    saveMainMs: median(saveMain),
    idleBlockMs: median(idle),
    burstBlockMs: median(burst),
    burstMs: median(burstTotal),
    rows: rowCount,
    saveMs: median(save),
    restoreMs: median(restore),
    bulkPutMs: median(put),
    bulkGetMs: median(get),
    autosave: {
      seconds: SECONDS,
      transactionsPerSec: (checkpoints + journalWrites) / SECONDS,
      checkpoints,
      journalWrites,
      meanCheckpointMs: checkpoints ? checkpointMs / checkpoints : 0,
      longestFrameGapMs: withSave.gap,
      longestLongTaskMs: withSave.longTask,
      baselineLongestFrameGapMs: baseline.gap,
      medianFrameMs: withSave.medianFrame,
      baselineLongestLongTaskMs: baseline.longTask,
      maxCheckpointCopyMs: autosave.stats.maxCopyMs,
      maxSliceMs: autosave.stats.maxSliceMs,
      fullCheckpoints: autosave.stats.fullCheckpoints,
      rowsPerCheckpoint: checkpoints ? rowsWritten / checkpoints : 0,
      log: checkpointLog,
      delivered,
    },
  };
}

main().then(
  (r) => {
    window.__benchResult = r;
    document.getElementById('out')!.textContent = JSON.stringify(r, null, 2);
  },
  (e: Error) => {
    window.__benchResult = { error: `${e.message}\n${e.stack}` };
  },
);
