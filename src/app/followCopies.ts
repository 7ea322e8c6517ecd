import type { S2S } from '../engine/api.ts';
import type { FollowedCopies, RecordCopy } from './follow.svelte.ts';

/**
 * The followed record's copies in every org: from the org it was picked in, along each share
 * (the PartnerNetworkRecordConnections with the same shareKey in other orgs) to the copies
 * there, and on from those (a copy forwarded again).
 */
export function copiesOf(s2s: S2S, org: string, recordId: string): FollowedCopies {
  const rows = new Map(s2s.orgs().map((o) => [o.id, s2s.recordConnections(o.id)]));
  const copies = new Map<string, RecordCopy>();
  const shareKeys = new Set<string>();
  const visit = (o: string, id: string | null, via: string | null) => {
    const key = `${o}/${id ?? via}`;
    const seen = copies.get(key);
    if (seen) {
      if (via && !seen.shareKeys.includes(via)) seen.shareKeys.push(via);
      return;
    }
    const copy: RecordCopy = { org: o, recordId: id, shareKeys: via ? [via] : [] };
    copies.set(key, copy);
    if (!id) return;
    for (const p of rows.get(o) ?? []) {
      if (p.LocalRecordId !== id || shareKeys.has(p.shareKey)) continue;
      shareKeys.add(p.shareKey);
      if (!copy.shareKeys.includes(p.shareKey)) copy.shareKeys.push(p.shareKey);
      for (const [other, list] of rows)
        for (const q of list)
          if (other !== o && q.shareKey === p.shareKey) visit(other, q.LocalRecordId, p.shareKey);
    }
  };
  visit(org, recordId, null);
  return { copies: [...copies.values()], shareKeys };
}
