import type { ConnectionShares, ShareRow } from '../../../engine/queries/orgShares.ts';

/** How many record rows an org node holds, over all its connections: what fits the node. */
const ROWS_PER_NODE = 4;

export interface ShownGroup {
  connectionId: string;
  connectionName: string;
  partnerOrg: string;
  total: number;
  rows: ShareRow[];
  /** Shares on this connection without a row: "+k more". */
  more: number;
}

/** Shares the node's rows among its connections in order; each says how many it left out. */
export function shownRows(groups: readonly ConnectionShares[], max = ROWS_PER_NODE): ShownGroup[] {
  let left = max;
  return groups.map((g) => {
    const rows = g.rows.slice(0, Math.max(0, left));
    left -= rows.length;
    return {
      connectionId: g.connectionId,
      connectionName: g.connectionName,
      partnerOrg: g.partnerOrg,
      total: g.total,
      rows,
      more: g.total - rows.length,
    };
  });
}
