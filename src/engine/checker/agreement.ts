import { convertForTarget, type FieldValue } from '../domain/index.ts';
import { fieldOf } from '../org/fieldIndex.ts';
import type { OrgState, SObjectRecord } from '../state/org.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { FieldDifference } from './findings.ts';

/**
 * SYNC-1 / SYNC-2: the copies agree when, in each direction, every field the publisher
 * publishes and the subscriber maps holds the same (converted) value on both sides.
 */
export function directionDifferences(
  pubOrg: OrgState,
  pubPnc: PartnerNetworkConnection,
  pubRec: SObjectRecord,
  subOrg: OrgState,
  subPnc: PartnerNetworkConnection,
  subRec: SObjectRecord,
  partnerObject: string,
): FieldDifference[] {
  const out: FieldDifference[] = [];
  const published = pubPnc.publications[pubRec.object];
  const sub = subPnc.subscriptions[partnerObject];
  if (!published || !sub) return out;
  const pubObj = pubOrg.schema[pubRec.object];
  const subObj = subOrg.schema[subRec.object];
  for (const f of published) {
    const g = sub.mapping[f];
    if (!g) continue;
    const source = fieldOf(pubObj, f);
    const target = fieldOf(subObj, g);
    if (!source || !target) continue;
    const want: FieldValue = convertForTarget(source, target, pubRec.fields[f] ?? null);
    const have: FieldValue = subRec.fields[g] ?? (target.type.kind === 'Checkbox' ? false : null);
    if (want !== have)
      out.push({
        from: { org: pubOrg.id, record: pubRec.Id, field: f, value: pubRec.fields[f] ?? null },
        to: { org: subOrg.id, record: subRec.Id, field: g, value: have },
      });
  }
  return out;
}
