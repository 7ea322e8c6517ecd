import type { FieldValue } from '../domain/index.ts';
import { ownerProblem } from '../org/owners.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { AssignmentRule, OrgState, SObjectRecord } from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import { matchingEntry } from './assignment.ts';

// REC-2: who owns a record accepted from a connection.

/** Who owns an accepted record: a user or queue, or what the active assignment rule picks. */
export type OwnerChoice = { ownerId: string; rule?: AssignmentRule };

/** The owner a new record gets, and for the log how it was chosen. */
export function decideOwner(
  org: OrgState,
  owner: OwnerChoice,
  object: string,
  fields: Record<string, FieldValue>,
): { ownerId: string; how: string } {
  if (!owner.rule) return { ownerId: owner.ownerId, how: '' };
  const hit = matchingEntry(owner.rule, fields);
  if (!hit)
    return {
      ownerId: owner.ownerId,
      how: ` (no entry of assignment rule ${owner.rule.Name} matched; it stays with the accepting user)`,
    };
  // The rule was checked when it was set; its assignee may have changed since.
  const why = ownerProblem(org, hit.entry.assignTo, object);
  if (why)
    return {
      ownerId: owner.ownerId,
      how: ` (assignment rule ${owner.rule.Name}, entry ${hit.index + 1}, cannot be used: ${why})`,
    };
  return {
    ownerId: hit.entry.assignTo,
    how: ` by assignment rule ${owner.rule.Name}, entry ${hit.index + 1}`,
  };
}

/** A child accepted with its parent gets the parent's owner, or the connection owner when that is a queue that cannot own it. */
export function childOwner(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  c: PartnerNetworkRecordConnection,
  parent: SObjectRecord,
): OwnerChoice {
  const object = pnc.subscriptions[c.pending!.partnerObject]?.localObject ?? c.object;
  return {
    ownerId: ownerProblem(org, parent.OwnerId, object) ? pnc.PrimaryContactId : parent.OwnerId,
  };
}
