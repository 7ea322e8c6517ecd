import type { OrgState, Queue, User } from '../state/org.ts';

// A record's owner is a user or, for the objects a queue supports, a queue (REC-2).

/** Objects a queue may own in Salesforce: Leads, Cases and custom objects. */
export function queueable(object: string): boolean {
  return object === 'Lead' || object === 'Case' || object.endsWith('__c');
}

export function queueOf(org: OrgState, id: string): Queue | undefined {
  return org.queues[id];
}

/** Why `ownerId` cannot own a record of `object`, or null when it can. */
export function ownerProblem(org: OrgState, ownerId: string, object: string): string | null {
  const q = org.queues[ownerId];
  if (q)
    return q.objects.includes(object) ? null : `Queue ${q.Name} does not take ${object} records.`;
  const u: User | undefined = org.users[ownerId];
  if (!u || u.system || !u.IsActive)
    return `Owner ${ownerId} is not an active user of ${org.name}.`;
  return null;
}

export function ownerName(org: OrgState, ownerId: string): string {
  const q = org.queues[ownerId];
  return q ? `queue ${q.Name}` : (org.users[ownerId]?.Name ?? ownerId);
}

/** A queue counts as active: it has no such flag, its members come and go. */
export function ownerActive(org: OrgState, ownerId: string): boolean {
  return !!org.queues[ownerId] || !!org.users[ownerId]?.IsActive;
}
