import { refuse, type Refusal } from '../plan/plan.ts';
import { namedRecord } from '../org/recordName.ts';
import { conditionHolds } from '../org/condition.ts';
import { recordAt } from '../org/recordCopies.ts';
import type { RecordTable } from '../state/recordTable.ts';
import type { OrgState, RoleGroup, SharingRule, SObjectRecord, User } from '../state/org.ts';

export const isAdmin = (u: User) => u.Profile === 'System Administrator';

/** The acting user, or why they cannot act. */
export function actingUser(org: OrgState, as: string): User | Refusal {
  const u = org.users[as];
  if (!u) return refuse('PERM-1', `There is no user ${as} in ${org.name}.`);
  if (u.system)
    return refuse('PERM-3', 'The Connection User is a system user; nobody logs in as it.');
  if (!u.IsActive) return refuse('PERM-1', `${u.Name} is inactive.`);
  return u;
}

export function isRefused<T>(x: T | Refusal): x is Refusal {
  return typeof x === 'object' && x !== null && (x as Refusal).refused === true;
}

/** Setup (schema, users, queues, rules) needs a System Administrator: Modify All Data. */
export function requireAdmin(u: User, rule: string): Refusal | null {
  return isAdmin(u)
    ? null
    : refuse(rule, `${u.Name} is not a System Administrator; Setup needs Modify All Data.`);
}

/** EN-2: with S2S off, nothing of it exists in the org. */
export function requireS2S(org: OrgState): Refusal | null {
  return org.s2s.enabled
    ? null
    : refuse(
        'EN-2',
        `Salesforce to Salesforce is not enabled in ${org.name}. Enable it in Setup › Salesforce to Salesforce Settings.`,
      );
}

/** PERM-1 */
export function requireManageConnections(u: User, what: string): Refusal | null {
  return u.ManageConnections
    ? null
    : refuse('PERM-1', `${u.Name} lacks the Manage Connections permission needed to ${what}.`);
}

function roleIsBelow(org: OrgState, roleId: string | null, ancestorId: string | null): boolean {
  if (!roleId || !ancestorId) return false;
  let r = org.roles[roleId];
  for (let guard = 0; r && guard < 100; guard++) {
    if (r.ParentRoleId === ancestorId) return true;
    r = r.ParentRoleId ? org.roles[r.ParentRoleId] : undefined;
  }
  return false;
}

export type Access = 'none' | 'read' | 'edit';

/** Whether a user with `roleId` belongs to a role group of a sharing rule. */
function inGroup(org: OrgState, roleId: string | null, g: RoleGroup): boolean {
  return roleId === g.roleId || (g.includeSubordinates && roleIsBelow(org, roleId, g.roleId));
}

function ruleCovers(org: OrgState, r: SharingRule, rec: SObjectRecord): boolean {
  if (r.owners) return inGroup(org, org.users[rec.OwnerId]?.UserRoleId ?? null, r.owners);
  return !!r.criteria && conditionHolds(r.criteria, rec.fields[r.criteria.field]);
}

/**
 * SHR-1 / PERM-2: the org-wide default is Private. A user reaches records they own or that
 * users below them in the role hierarchy own, and a queue's records if they are a member or
 * above one; administrators reach every record. Sharing rules open more, read-only or
 * read/write.
 */
export function accessTo(org: OrgState, u: User, rec: SObjectRecord): Access {
  if (isAdmin(u) || rec.OwnerId === u.Id) return 'edit';
  const queue = org.queues[rec.OwnerId];
  if (queue) {
    if (
      queue.members.some(
        (m) => m === u.Id || roleIsBelow(org, org.users[m]?.UserRoleId ?? null, u.UserRoleId),
      )
    )
      return 'edit';
  } else {
    const owner = org.users[rec.OwnerId];
    if (owner && roleIsBelow(org, owner.UserRoleId, u.UserRoleId)) return 'edit';
  }
  let access: Access = 'none';
  for (const r of org.sharingRules) {
    if (r.object !== rec.object || !inGroup(org, u.UserRoleId, r.sharedWith)) continue;
    if (!ruleCovers(org, r, rec)) continue;
    if (r.accessLevel === 'Edit') return 'edit';
    access = 'read';
  }
  return access;
}

/** Read and Edit: what editing, forwarding and stopping sharing need (PERM-2). */
export function canAccess(org: OrgState, u: User, rec: SObjectRecord): boolean {
  return accessTo(org, u, rec) === 'edit';
}

/**
 * canAccess for a record where it is held: owners and administrators, the common case on the
 * sync path, are answered from two columns; anyone else from a copy of the record.
 */
export function canEditRow(org: OrgState, u: User, t: RecordTable, row: number): boolean {
  if (isAdmin(u) || t.OwnerId[row] === u.Id) return true;
  return canAccess(org, u, recordAt(t, row));
}

export function canRead(org: OrgState, u: User, rec: SObjectRecord): boolean {
  return accessTo(org, u, rec) !== 'none';
}

/** Why a user may not edit a record: no access at all, or read-only through a sharing rule. */
export function noEditReason(org: OrgState, u: User, rec: SObjectRecord): string {
  return accessTo(org, u, rec) === 'read'
    ? `${u.Name} can read ${namedRecord(org, rec.Id)} through a sharing rule but not edit it.`
    : `${u.Name} has no access to ${namedRecord(org, rec.Id)}.`;
}

/** SHR-2: whether a field is hidden from this user by field-level security. */
export function fieldHidden(org: OrgState, u: User, object: string, field: string): boolean {
  // Most orgs hide nothing: skip building the key.
  let any = false;
  for (const _ in org.hiddenFields) {
    any = true;
    break;
  }
  if (!any) return false;
  return org.hiddenFields[`${object}.${field}`]?.includes(u.Profile) ?? false;
}
