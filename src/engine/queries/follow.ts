import { hasRecord } from '../org/recordCopies.ts';
import { sharesOf } from '../org/shareIndex.ts';
import type { InFlightMessage } from '../sim/network.ts';
import type { SandboxState } from '../state/sandboxState.ts';

export interface RecordCopy {
  org: string;
  recordId: string;
}

/**
 * Every copy of a record across the orgs, the record itself first: the copies its shares
 * reached, and theirs in turn (a hub that forwarded a received record on). An observer's
 * view across orgs, like the checker's; no org reads another's state through it.
 */
export function copiesOf(state: SandboxState, org: string, recordId: string): RecordCopy[] {
  const start = state.orgs[org];
  if (!start || !hasRecord(start, recordId)) return [];
  const out: RecordCopy[] = [{ org, recordId }];
  const seen = new Set([`${org}|${recordId}`]);
  for (let k = 0; k < out.length; k++) {
    const here = state.orgs[out[k]!.org]!;
    for (const p of sharesOf(here, out[k]!.recordId))
      for (const other of state.orgOrder) {
        if (other === here.id) continue;
        const o = state.orgs[other]!;
        const id = o.shareIndex[p.shareKey]?.LocalRecordId;
        if (!id || !hasRecord(o, id) || seen.has(`${other}|${id}`)) continue;
        seen.add(`${other}|${id}`);
        out.push({ org: other, recordId: id });
      }
  }
  return out;
}

/** The share keys of every copy of a record: what its messages carry. */
export function shareKeysOf(state: SandboxState, copies: readonly RecordCopy[]): Set<string> {
  const keys = new Set<string>();
  for (const c of copies)
    for (const p of sharesOf(state.orgs[c.org]!, c.recordId)) keys.add(p.shareKey);
  return keys;
}

/** The messages a record's follow mode shows: those about any of its copies. */
export function messagesOfRecord(
  state: SandboxState,
  org: string,
  recordId: string,
  inFlight: readonly InFlightMessage[],
): InFlightMessage[] {
  const keys = shareKeysOf(state, copiesOf(state, org, recordId));
  return inFlight.filter((m) => m.shareKey !== undefined && keys.has(m.shareKey));
}
