import { S2S } from '../src/engine/api.ts';
import type { Command } from '../src/engine/commands/command.ts';
import { ACCOUNT_FIELDS, connectedAccounts } from '../src/engine/presets/connectedOrgs.ts';
import type { BenchResult } from './result.ts';
import { settleHeap } from './settleHeap.ts';

export const FIELDS = ACCOUNT_FIELDS;

function xorshift(seed: number) {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** Two orgs joined by an accepted connection, Account published and subscribed both ways. */
export function connectedPair(seed: number, extra: string[] = []) {
  const s = S2S.create({ seed, settings: { publicationDelayMs: 0 } });
  return { s, ...connectedAccounts(s, FIELDS, extra) };
}

function value(field: string, n: number): string {
  return field === 'Website' ? `https://x${n}.example.com` : `${field.slice(0, 3)}-${n}`;
}

/** Called around the timed window only, so a profiler can record just that. */
export interface Window {
  start?(): void;
  stop?(): void;
}

/** 10,000 Accounts made in org a and shared with b, and a plan of random updates to them. */
export function sharedWorld(records = 10_000, updates = 100_000) {
  const { s, A, B, aConn } = connectedPair(42);
  const ids: string[] = [];
  for (let i = 0; i < records; i++) {
    const r = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: `Account ${i}` },
    });
    if (r.ok) ids.push(r.id!);
  }
  s.dispatch({ type: 'record.forward', org: 'a', as: A, recordIds: ids, connectionIds: [aConn] });
  s.runUntilIdle();
  const copies = new Map<string, string>();
  for (const p of s.recordConnections('b'))
    if (p.LocalRecordId) copies.set(p.shareKey, p.LocalRecordId);
  const pairs = s
    .recordConnections('a')
    .map((p) => [p.LocalRecordId!, copies.get(p.shareKey)!] as const);
  if (pairs.length !== records) throw new Error(`expected ${records} shares, got ${pairs.length}`);

  const rand = xorshift(7);
  const plan: Update[] = [];
  for (let n = 0; n < updates; n++) {
    const field = FIELDS[Math.floor(rand() * FIELDS.length)]!;
    plan.push({
      side: rand() < 0.5 ? 0 : 1,
      i: Math.floor(rand() * records),
      field,
      v: value(field, n),
    });
  }
  return { s, A, B, pairs, plan };
}

export interface Update {
  side: 0 | 1;
  i: number;
  field: string;
  v: string;
}

/**
 * Baseline: the same updates applied to plain Maps, both copies, no network. Like the
 * engine's, its records exist before the clock starts.
 */
export function mapsBaselineMs(pairs: readonly (readonly [string, string])[], plan: Update[]) {
  const maps = [
    new Map<string, Record<string, string>>(),
    new Map<string, Record<string, string>>(),
  ];
  for (const [a, b] of pairs) {
    maps[0]!.set(a, {});
    maps[1]!.set(b, {});
  }
  const t0 = performance.now();
  for (const u of plan) {
    const [a, b] = pairs[u.i]!;
    maps[0]!.get(a)![u.field] = u.v;
    maps[1]!.get(b)![u.field] = u.v;
  }
  return performance.now() - t0;
}

/** Each planned update as the `record.update` a user of its side would dispatch. */
export function updateCommands(
  A: string,
  B: string,
  pairs: readonly (readonly [string, string])[],
  plan: Update[],
): Command[] {
  return plan.map((u) => {
    const [a, b] = pairs[u.i]!;
    return u.side === 0
      ? { type: 'record.update', org: 'a', as: A, id: a, values: { [u.field]: u.v } }
      : { type: 'record.update', org: 'b', as: B, id: b, values: { [u.field]: u.v } };
  });
}

/** The timed window: the commands in batches of 1,000, 100 ms apart, then run to quiet. */
export function runUpdates(s: S2S, commands: Command[]) {
  const batch = 1000;
  for (let n = 0; n < commands.length; n++) {
    s.sandbox.dispatch(commands[n]!);
    if (n % batch === batch - 1) s.sandbox.advance(100);
  }
  s.sandbox.runUntilIdle();
}

export function engineThroughput(
  records = 10_000,
  updates = 100_000,
  window: Window = {},
): BenchResult[] {
  const { s, A, B, pairs, plan } = sharedWorld(records, updates);
  const baselineMs = mapsBaselineMs(pairs, plan);

  // The commands are made before the clock starts, as the baseline's plan is.
  const commands = updateCommands(A, B, pairs, plan);
  const appliedBefore = s.health('b')[0]!.appliedUpdates + s.health('a')[0]!.appliedUpdates;
  const took = { ...s.sandbox.kernelTook };
  settleHeap();
  window.start?.();
  const t1 = performance.now();
  runUpdates(s, commands);
  const engineMs = performance.now() - t1;
  window.stop?.();
  const applied =
    s.health('b')[0]!.appliedUpdates + s.health('a')[0]!.appliedUpdates - appliedBefore;
  const report = s.check();
  const perSecond = applied / (engineMs / 1000);
  const baselinePerSecond = updates / (baselineMs / 1000);
  return [
    {
      name: THROUGHPUT,
      value: Math.round(perSecond),
      unit: 'updates/s',
      baseline: Math.round(baselinePerSecond),
      ratio: baselinePerSecond / perSecond,
      // A regression guard on the ratio to plain Maps; absolute rates follow the machine.
      target: '≤ 6×',
      pass: baselinePerSecond / perSecond <= 6,
      note: `${applied} applied in ${engineMs.toFixed(0)} ms; baseline ${baselineMs.toFixed(1)} ms; sync kernel took ${s.sandbox.kernelTook.edits - took.edits} edits and ${s.sandbox.kernelTook.updates - took.updates} arrivals; quiet=${report.quiet}; non-converged shares=${report.shares.filter((x) => !x.agree).length}`,
    },
  ];
}

export const THROUGHPUT =
  'engine: applied updates per second (10k shared Accounts, 100k updates, to quiet)';

/** Keeps measured structures reachable: optimised code does not keep dead locals alive. */
export const retained: unknown[] = [];

export function engineMemory(total = 100_000): BenchResult[] {
  const gcOnce = (globalThis as { gc?: () => void }).gc;
  // Twice: one full collection can leave sweeping unfinished, and heapUsed then varies by
  // a fifth between runs.
  const gc = gcOnce && (() => (gcOnce(), gcOnce()));
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const { s } = connectedPair(5, ['c']);
  const orgs = s.orgs();
  const per = Math.ceil(total / orgs.length);
  for (const o of orgs) {
    if (!o.s2sEnabled) s.dispatch({ type: 's2s.enable', org: o.id, as: o.adminId });
    for (let i = 0; i < per; i++)
      s.sandbox.dispatch({
        type: 'record.create',
        org: o.id,
        as: o.adminId,
        object: 'Account',
        values: { Name: `Account ${i}`, Phone: '555-0100', BillingCity: 'Springfield' },
      });
  }
  retained.push(s);
  gc?.();
  const after = process.memoryUsage().heapUsed;
  // Baseline: the same records as plain objects in a Map.
  const baseline = new Map<string, object>();
  gc?.();
  const b0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < per * orgs.length; i++)
    baseline.set(`001A${String(i).padStart(11, '0')}`, {
      Name: `Account ${i}`,
      Phone: '555-0100',
      BillingCity: 'Springfield',
    });
  retained.push(baseline);
  gc?.();
  const b1 = process.memoryUsage().heapUsed;
  const mb = (after - before) / 2 ** 20;
  const baseMb = (b1 - b0) / 2 ** 20;
  return [
    {
      name: `engine: JS heap for ${per * orgs.length} records across ${orgs.length} orgs`,
      value: Math.round(mb),
      unit: 'MB',
      baseline: Math.round(baseMb),
      ratio: mb / baseMb,
      target: '≤ 5×',
      pass: mb / baseMb <= 5,
      note: `heap delta after GC${gc ? '' : ' (no --expose-gc: figures include garbage)'}`,
    },
  ];
}
