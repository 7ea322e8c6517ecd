import type { S2S } from '../../../engine/api.ts';
import { OrgSharesIndex, type ConnectionShares } from '../../../engine/queries/orgShares.ts';

// One index per sandbox instance, kept current from the PNRCs it makes and removes.
const indexes = new WeakMap<S2S, OrgSharesIndex>();

/** An org's records shared or received, by connection, the first `limit` of each. */
export function shareRowsFor(s2s: S2S, org: string, limit: number): ConnectionShares[] {
  let index = indexes.get(s2s);
  if (!index) {
    index = new OrgSharesIndex(s2s.sandbox.state, s2s.sandbox.shareChanges, s2s.shareReads());
    indexes.set(s2s, index);
  }
  const net = s2s.sandbox.network;
  return index.rows(org, limit, (visit) => net.eachMessage(visit));
}
