import { sharesOf } from '../src/engine/org/shareIndex.ts';
import { fieldColumn, rowOf, tableOf, valueIn, writeIn } from '../src/engine/org/recordTables.ts';
import type { FieldStamp, OrgState } from '../src/engine/state/org.ts';
import { mapsBaselineMs, sharedWorld } from './engine.bench.ts';
import { driveQueued, referenceResult, type Due } from './referenceRun.ts';
import type { BenchResult } from './result.ts';

interface Wire extends Due {
  to: OrgState;
  shareKey: string;
  changes: Record<string, string>;
  stamp: FieldStamp;
}

/** What every synced update costs at least in this data model: values, stamps, history. */
function write(
  org: OrgState,
  id: string,
  changes: Record<string, string>,
  stamp: FieldStamp,
  now: number,
) {
  const t = tableOf(org, id)!;
  const row = rowOf(id);
  for (const f in changes) {
    // As the engine's writeFields does: the column once.
    const col = fieldColumn(t, f);
    org.history.push({
      at: now,
      recordId: id,
      field: f,
      oldValue: valueIn(col, row) ?? null,
      newValue: changes[f]!,
      source: { by: stamp.origin },
    });
    writeIn(col, row, changes[f]!, stamp);
  }
}

/**
 * A reference point, not a product path: the same updates written straight into the
 * engine's own records and indexes, carried on a time-ordered queue with the same latency,
 * with no rules, checks, plans, log or consistency data. The engine cannot beat it without a
 * different record layout; the gap between the two is what the engine itself adds.
 */
export function dataModelFloor(records = 10_000, updates = 100_000): BenchResult[] {
  const { s, pairs, plan } = sharedWorld(records, updates);
  const baselineMs = mapsBaselineMs(pairs, plan);
  const a = s.sandbox.state.orgs.a!;
  const b = s.sandbox.state.orgs.b!;
  const ms = driveQueued<Wire>(
    plan.length,
    (n, now, dueAt) => {
      const u = plan[n]!;
      const org = u.side === 0 ? a : b;
      const id = pairs[u.i]![u.side];
      const changes = { [u.field]: u.v };
      const stamp = { editedAt: now, origin: org.id };
      write(org, id, changes, stamp, now);
      const p = sharesOf(org, id)[0]!;
      return { dueAt, seq: n, to: org === a ? b : a, shareKey: p.shareKey, changes, stamp };
    },
    (m, now) => {
      const p = m.to.shareIndex[m.shareKey]!;
      write(m.to, p.LocalRecordId!, m.changes, m.stamp, now);
    },
  );
  return referenceResult(
    'reference: the same updates written straight into the engine records (no rules, log or checks)',
    updates,
    ms,
    baselineMs,
  );
}
