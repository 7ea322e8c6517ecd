import type { FieldDef } from '../domain/index.ts';
import { isParentObject } from '../domain/objectDef.ts';
import { hasRecord } from '../org/recordCopies.ts';
import { ownerProblem } from '../org/owners.ts';
import { accessTo, fieldHidden } from '../rules/access.ts';
import { checkValues } from '../rules/validation.ts';
import type { OrgState } from '../state/org.ts';
import { recordDetail } from './orgViews.ts';
import { recordName } from './recordList.ts';

/** A field as the record page and the New / Edit form show it to one user. */
export interface LayoutField extends FieldDef {
  /** Whether a user may type a value (not a system, auto-number or formula field). */
  editable: boolean;
}

/** Objects whose records go along when a record of `object` is forwarded (FWD-1). */
export interface ForwardChild {
  apiName: string;
  pluralLabel: string;
}

export interface ObjectLayout {
  label: string;
  pluralLabel: string;
  nameField: string;
  /** In the object's order, without the fields hidden from this user (SHR-2) nor the owner. */
  fields: LayoutField[];
  children: ForwardChild[];
  /** EN-2: Forward to Connection and "<Objects> from Connections" exist only once S2S is on. */
  s2sActions: boolean;
}

/** Whether the engine's check refuses a field for being read-only, whatever its value. */
function takesInput(org: OrgState, object: string, field: string): boolean {
  const v = { [field]: null };
  const plain = checkValues(org, object, v);
  return plain.ok || !checkValues(org, object, v, { allowReadOnly: true }).ok;
}

/**
 * The fields of an object one user sees and may fill in. Whether a field takes typed values
 * is asked of the engine's own check (`checkValues` refuses read-only fields), so this list
 * and the save never disagree. The owner is not a field the form sets.
 */
export function objectLayout(org: OrgState, object: string, as: string): ObjectLayout | null {
  const def = org.schema[object];
  const u = org.users[as];
  if (!def || !u) return null;
  const fields = def.fields
    .filter((f) => f.apiName !== 'OwnerId' && !fieldHidden(org, u, object, f.apiName))
    .map((f) => ({
      ...f,
      editable: takesInput(org, object, f.apiName),
    }));
  return {
    label: def.label,
    pluralLabel: def.pluralLabel,
    nameField: def.nameField,
    fields,
    children: forwardChildren(org, object),
    s2sActions: org.s2s.enabled,
  };
}

/** FWD-1: child objects S2S can send along with a record of `object` (Tasks included). */
export function forwardChildren(org: OrgState, object: string): ForwardChild[] {
  const out: ForwardChild[] = [];
  for (const d of Object.values(org.schema)) {
    if (d.s2sSupported && d.apiName !== object && isParentObject(d, object))
      out.push({ apiName: d.apiName, pluralLabel: d.pluralLabel });
  }
  return out;
}

/**
 * One record's page for one user: null when they cannot see it (SHR-1). Values and history
 * of fields hidden from them are left out (SHR-2).
 */
export function recordView(org: OrgState, id: string, as: string) {
  const u = org.users[as];
  if (!u || !hasRecord(org, id)) return null;
  const d = recordDetail(org, id)!;
  const access = accessTo(org, u, d.record);
  if (access === 'none') return null;
  const shown = (f: string) => !fieldHidden(org, u, d.record.object, f);
  const fields = Object.fromEntries(Object.entries(d.record.fields).filter(([f]) => shown(f)));
  const def = org.schema[d.record.object];
  return {
    ...d,
    record: { ...d.record, fields },
    history: d.history.filter((h) => shown(h.field)),
    name: recordName(def, id, fields),
    canEdit: access === 'edit',
    ownerName:
      org.queues[d.record.OwnerId]?.Name ?? org.users[d.record.OwnerId]?.Name ?? d.record.OwnerId,
  };
}

/** REC-2: who may own a record accepted into `object`: active users, and queues that take it. */
export function ownerChoices(org: OrgState, object: string) {
  const out: { id: string; name: string; queue: boolean }[] = [];
  for (const u of Object.values(org.users))
    if (!ownerProblem(org, u.Id, object)) out.push({ id: u.Id, name: u.Name, queue: false });
  for (const q of Object.values(org.queues))
    if (!ownerProblem(org, q.Id, object)) out.push({ id: q.Id, name: q.Name, queue: true });
  return out;
}

/**
 * REC-2: what the Accept dialog of a record waiting in "from Connections" offers: owners,
 * the active assignment rule for Leads and Cases, and for Accounts matching an existing one.
 */
export function acceptChoices(org: OrgState, pnrcId: string) {
  const p = org.recordConnections[pnrcId];
  if (!p?.pending) return null;
  const pnc = org.connections[p.ConnectionId];
  const object = pnc?.subscriptions[p.pending.partnerObject]?.localObject ?? p.object;
  const rules = object === 'Lead' || object === 'Case';
  return {
    object,
    owners: ownerChoices(org, object),
    /** Offered for Leads and Cases; null there when no rule is active. */
    assignmentRule: rules ? (org.assignmentRules[object]?.Name ?? null) : undefined,
    canMatch: object === 'Account',
  };
}
