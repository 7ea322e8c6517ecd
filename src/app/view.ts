import type { S2S } from '../engine/api.ts';
import type { ConnectionStatus } from '../engine/machines/states.ts';
import { CONNECTION_STATUS_LABELS } from '../engine/machines/states.ts';

/** One org's side of a connection, as the canvas and the panels show it. */
export interface ConnectionSummary {
  id: string;
  name: string;
  wire: string;
  status: ConnectionStatus;
  statusLabel: string;
  /** Virtual time it took its status. */
  since: number;
  partnerOrg: string;
  partnerName: string;
  inviter: boolean;
}

export interface OrgSummary {
  id: string;
  name: string;
  domain: string;
  offline: boolean;
  s2sEnabled: boolean;
  recordCount: number;
  recordsByObject: [string, number][];
  connections: ConnectionSummary[];
  inboxCount: number;
  /** Records shared on live connections (sent or received). */
  sharedCount: number;
  notificationCount: number;
}

/** One connection between two orgs (both PNCs share a wire), drawn as one edge. */
export interface EdgeSummary {
  wire: string;
  source: string;
  target: string;
  status: ConnectionStatus;
  label: string;
  /** The edge's status as a label, and since when (the latest side's change). */
  statusLabel: string;
  since: number;
}

export interface LogLine {
  i: number;
  org: string | undefined;
  text: string;
}

/** Plain data the UI renders; rebuilt (at most once a frame) whenever the sandbox changes. */
export interface SandboxView {
  version: number;
  orgs: OrgSummary[];
  edges: EdgeSummary[];
  logLength: number;
}

export const EMPTY_VIEW: SandboxView = { version: -1, orgs: [], edges: [], logLength: 0 };

export function buildView(s2s: S2S): SandboxView {
  const all = s2s.orgs();
  const names = new Map(all.map((o) => [o.id, o.name]));
  const orgs: OrgSummary[] = all.map((o) => {
    const counts = s2s.recordCounts(o.id);
    // Counted, not listed: the view is rebuilt every frame something lands.
    const shares = s2s.shareCounts(o.id);
    const recordCount = Object.values(counts).reduce((a, b) => a + b, 0);
    const connections = s2s.connections(o.id).map((c): ConnectionSummary => ({
      id: c.Id,
      name: c.ConnectionName,
      wire: c.wire,
      status: c.ConnectionStatus,
      statusLabel: c.StatusLabel,
      since: c.StatusSince,
      partnerOrg: c.partnerOrg,
      partnerName: names.get(c.partnerOrg) ?? c.partnerOrg,
      inviter: c.inviter,
    }));
    return {
      id: o.id,
      name: o.name,
      domain: o.domain,
      offline: o.offline,
      s2sEnabled: o.s2sEnabled,
      recordCount,
      recordsByObject: Object.entries(counts).sort((a, b) => a[0].localeCompare(b[0])),
      connections,
      inboxCount: shares.waiting,
      sharedCount: shares.shared,
      notificationCount: s2s.notifications(o.id).length,
    };
  });
  return {
    version: s2s.sandbox.version,
    orgs,
    edges: buildEdges(orgs),
    logLength: s2s.sandbox.state.log.length,
  };
}

/** Both sides of a connection carry the same wire; the inviter's side names the edge's direction. */
export function buildEdges(orgs: OrgSummary[]): EdgeSummary[] {
  const byWire = new Map<string, { org: OrgSummary; c: ConnectionSummary }[]>();
  for (const org of orgs)
    for (const c of org.connections) {
      const sides = byWire.get(c.wire) ?? [];
      sides.push({ org, c });
      byWire.set(c.wire, sides);
    }
  const edges: EdgeSummary[] = [];
  for (const [wire, sides] of byWire) {
    const inviter = sides.find((s) => s.c.inviter) ?? sides[0]!;
    const other = sides.find((s) => s !== inviter);
    const statuses = sides.map((s) => s.c.status);
    const status: ConnectionStatus = statuses.includes('Inactive')
      ? 'Inactive'
      : statuses.includes('Rejected')
        ? 'Rejected'
        : inviter.c.status;
    const label = statuses.every((s) => s === statuses[0])
      ? CONNECTION_STATUS_LABELS[status]
      : sides.map((s) => `${s.org.name}: ${CONNECTION_STATUS_LABELS[s.c.status]}`).join('\n');
    edges.push({
      wire,
      source: inviter.org.id,
      target: other?.org.id ?? inviter.c.partnerOrg,
      status,
      label,
      statusLabel: CONNECTION_STATUS_LABELS[status],
      since: Math.max(...sides.filter((s) => s.c.status === status).map((s) => s.c.since)),
    });
  }
  return edges;
}

/** The last `n` log lines, read from the end so a long log costs nothing. */
export function lastLogLines(s2s: S2S, n: number, org?: string): LogLine[] {
  return s2s.log({ limit: n, org }).map((e) => ({ i: e.i, org: e.org, text: e.text }));
}
