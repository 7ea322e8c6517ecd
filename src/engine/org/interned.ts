import type { ChangeSource, FieldStamp } from '../state/org.ts';
import type { Modified } from '../state/recordTable.ts';

// Stamps and change sources are immutable values that every synced update would otherwise
// allocate twice (once per side) and keep for good in records and field history. Updates made
// in one burst share them, so the latest per origin and connection is handed out again.

const stamps = new Map<string, FieldStamp>();

/**
 * A field's stamp. A local edit's is shared with the edits of its burst. An arrival's is made
 * fresh: arrivals from several bursts of the partner interleave, so a shared one rarely
 * matched and each miss rewrote the map (measured: 3 % of the sync path).
 */
export function stampFor(editedAt: number, origin: string, via?: string): FieldStamp {
  if (via) return { editedAt, origin, via };
  const last = stamps.get(origin);
  if (last && last.editedAt === editedAt) return last;
  const stamp: FieldStamp = { editedAt, origin };
  stamps.set(origin, stamp);
  return stamp;
}

const sources = new Map<string, Map<string, ChangeSource>>();

export function sourceFor(s: ChangeSource): ChangeSource {
  if (s.automation) return s;
  let byVia = sources.get(s.by);
  if (!byVia) sources.set(s.by, (byVia = new Map()));
  const key = s.via ?? '';
  let known = byVia.get(key);
  if (!known) byVia.set(key, (known = s));
  return known;
}

const modified = new Map<string, Modified>();

/** A record's last-modified pair as put whole; records made in one burst by one user share it. */
export function modifiedFor(at: number, by: string): Modified {
  const last = modified.get(by);
  if (last && last.at === at) return last;
  const m = { at, by };
  modified.set(by, m);
  return m;
}
