import type { S2S } from '../../engine/api.ts';
import type { LinkSettings } from '../../engine/state/settings.ts';

/** One direction of the path between two orgs, as the Network panel lists it. */
export interface LinkRow {
  from: string;
  to: string;
  fromName: string;
  toName: string;
  link: LinkSettings;
  /** Whether a connection joins the two orgs (links can be set before one exists). */
  connected: boolean;
  inFlight: number;
  held: number;
}

/** Every ordered pair of orgs, connected pairs first, with the link settings in force. */
export function linkRows(s2s: S2S, wires: { source: string; target: string }[]): LinkRow[] {
  const orgs = s2s.orgs();
  const links = s2s.links();
  const fallback = s2s.settings().defaultLink;
  const joined = new Set(
    wires.flatMap((w) => [`${w.source}>${w.target}`, `${w.target}>${w.source}`]),
  );
  const counts = new Map<string, { inFlight: number; held: number }>();
  for (const m of s2s.inFlight()) {
    const k = `${m.from}>${m.to}`;
    const c = counts.get(k) ?? { inFlight: 0, held: 0 };
    if (m.held) c.held++;
    else c.inFlight++;
    counts.set(k, c);
  }
  const rows: LinkRow[] = [];
  for (const a of orgs)
    for (const b of orgs) {
      if (a.id === b.id) continue;
      const k = `${a.id}>${b.id}`;
      rows.push({
        from: a.id,
        to: b.id,
        fromName: a.name,
        toName: b.name,
        link: links[k] ?? fallback,
        connected: joined.has(k),
        ...(counts.get(k) ?? { inFlight: 0, held: 0 }),
      });
    }
  return rows.sort((x, y) => Number(y.connected) - Number(x.connected));
}
