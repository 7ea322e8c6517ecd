import { sharesOf } from '../org/shareIndex.ts';
import type { Command } from '../commands/command.ts';
import type { FieldValue } from '../domain/index.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { OrgState, SObjectRecord, User } from '../state/org.ts';
import { ownerProblem } from '../org/owners.ts';
import { autoNumbers } from './autoNumber.ts';
import { formulaValues } from '../org/formulas.ts';
import { canAccess, canEditRow, fieldHidden, noEditReason } from './access.ts';
import { isActiveShare, runAutomations, sendUpdates, writeChanges } from './sync.ts';
import { checkRecord, checkRecordAt, checkValues } from './validation.ts';
import { recordAt, recordOf } from '../org/recordCopies.ts';
import { rowOf, tableOf } from '../org/recordTables.ts';
import { fireForwardRules } from './forwardRules.ts';

type RecordCommand = Extract<
  Command,
  { type: 'record.create' | 'record.update' | 'record.delete' | 'lead.convert' }
>;

export function recordCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: RecordCommand,
): Plan | Refusal {
  switch (cmd.type) {
    case 'record.create':
      return createRecord(ctx, org, u, cmd.object, cmd.values, cmd.ownerId);
    case 'record.update':
      return updateRecord(ctx, org, u, cmd.id, cmd.values);
    case 'record.delete':
      return deleteRecord(ctx, org, u, cmd.id);
    case 'lead.convert':
      return convertLead(ctx, org, u, cmd.id);
  }
}

function newRecord(
  b: PlanBuilder,
  org: OrgState,
  object: string,
  fields: Record<string, FieldValue>,
  owner: string,
  by: string,
): SObjectRecord {
  const now = b.ctx.now;
  const id = b.newId(org, org.schema[object]!.keyPrefix);
  Object.assign(fields, autoNumbers(b, org, object));
  Object.assign(fields, formulaValues(org.schema[object], fields));
  const stamps: SObjectRecord['stamps'] = {};
  for (const f in fields) stamps[f] = { editedAt: now, origin: org.id };
  return {
    Id: id,
    object,
    OwnerId: owner,
    fields,
    CreatedDate: now,
    CreatedById: by,
    LastModifiedDate: now,
    LastModifiedById: by,
    ConnectionReceivedId: null,
    stamps,
  };
}

export function createRecord(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  object: string,
  values: Record<string, FieldValue>,
  ownerId?: string,
): Plan | Refusal {
  const checked = checkValues(org, object, values);
  if (!checked.ok) return refuse('SUB-3', checked.reason);
  for (const f in checked.values)
    if (fieldHidden(org, u, object, f))
      return refuse('SHR-2', `${u.Name} cannot see ${object}.${f} (field-level security).`);
  const ok = checkRecord(org, object, checked.values);
  if (!ok.ok) return refuse('SYNC-5', ok.reason);
  const owner = ownerId ?? u.Id;
  const badOwner = ownerProblem(org, owner, object);
  if (badOwner) return refuse('REC-2', badOwner);
  const b = new PlanBuilder(ctx);
  // A copy: the record's fields are written in place later, the command's values never are.
  const rec = newRecord(b, org, object, { ...checked.values }, owner, u.Id);
  b.push({ op: 'putRecord', org: org.id, record: rec });
  b.log({
    kind: 'info',
    org: org.id,
    record: rec.Id,
    text: `${u.Name} created ${object} ${rec.Id}`,
  });
  fireForwardRules(b, org, u, rec, 'created');
  return b.build({ id: rec.Id });
}

export function updateRecord(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  id: string,
  values: Record<string, FieldValue>,
): Plan | Refusal {
  const t = tableOf(org, id);
  const row = rowOf(id);
  if (!t || t.Id[row] !== id) return refuse('PERM-2', `There is no record ${id} in ${org.name}.`);
  if (!canEditRow(org, u, t, row)) return refuse('PERM-2', noEditReason(org, u, recordAt(t, row)));
  const object = t.object;
  const checked = checkValues(org, object, values);
  if (!checked.ok) return refuse('SUB-3', checked.reason);
  for (const f in checked.values)
    if (fieldHidden(org, u, object, f))
      return refuse('SHR-2', `${u.Name} cannot see ${object}.${f} (field-level security).`);
  const ok = checkRecordAt(org, t, row, checked.values);
  if (!ok.ok) return refuse('SYNC-5', ok.reason);
  const b = new PlanBuilder(ctx);
  const origin = { editedAt: ctx.now, origin: org.id };
  const w = writeChanges(b, org, t, row, checked.values, { by: u.Id }, origin);
  sendUpdates(b, org, w, origin);
  const auto = runAutomations(b, org, t, row, w);
  if (auto) sendUpdates(b, org, auto, origin);
  if (w.count && org.forwardRules?.length) {
    const before = recordAt(t, row);
    const fields = { ...before.fields, ...w.values, ...auto?.values };
    fireForwardRules(b, org, u, { ...before, fields }, 'updated');
  }
  return b.build({ id });
}

/** REC-5: deletes never propagate; they end the record's sharing. */
function deleteRecord(ctx: RuleContext, org: OrgState, u: User, id: string): Plan | Refusal {
  const rec = recordOf(org, id);
  if (!rec) return refuse('PERM-2', `There is no record ${id} in ${org.name}.`);
  if (!canAccess(org, u, rec)) return refuse('PERM-2', noEditReason(org, u, rec));
  const b = new PlanBuilder(ctx);
  endShares(b, org, rec, 'RecordDeleted', 'deleted');
  b.push({ op: 'deleteRecord', org: org.id, id });
  b.log({
    kind: 'info',
    org: org.id,
    record: id,
    rule: 'REC-5',
    text: `${u.Name} deleted ${rec.object} ${id}; the partner's copy stays`,
  });
  return b.build({ id });
}

/** Ends every share of a record because it was deleted or converted here (REC-5). */
function endShares(
  b: PlanBuilder,
  org: OrgState,
  rec: SObjectRecord,
  kind: 'RecordDeleted' | 'LeadConverted',
  why: string,
) {
  for (const p of sharesOf(org, rec.Id)) {
    if (!(isActiveShare(p) || p.state === 'pending')) continue;
    const pnc = org.connections[p.ConnectionId];
    b.push({
      op: 'putRecordConnection',
      org: org.id,
      pnrc: { ...p, state: 'stopped', EndDate: b.ctx.now },
    });
    b.log({
      kind: 'state',
      org: org.id,
      conn: p.ConnectionId,
      record: rec.Id,
      share: p.shareKey,
      rule: 'REC-5',
      text: `sharing of ${rec.Id} ended: record ${why}`,
    });
    if (pnc?.ConnectionStatus === 'Accepted') b.send(org, pnc, { kind, shareKey: p.shareKey });
  }
}

/** REC-5: converting a shared Lead ends its sharing; the conversion's own changes are not sent. */
function convertLead(ctx: RuleContext, org: OrgState, u: User, id: string): Plan | Refusal {
  const lead = recordOf(org, id);
  if (!lead || lead.object !== 'Lead')
    return refuse('REC-5', `${id} is not a Lead of ${org.name}.`);
  if (lead.IsConverted) return refuse('REC-5', 'This Lead is already converted.');
  if (!canAccess(org, u, lead)) return refuse('PERM-2', noEditReason(org, u, lead));
  const company = lead.fields.Company;
  if (!company) return refuse('REC-5', 'A Lead needs a Company to be converted.');
  const b = new PlanBuilder(ctx);
  endShares(b, org, lead, 'LeadConverted', 'converted');
  const account = newRecord(b, org, 'Account', { Name: company }, lead.OwnerId, u.Id);
  const contactFields: Record<string, FieldValue> = {
    LastName: lead.fields.LastName ?? String(company),
    AccountId: account.Id,
  };
  for (const f of ['FirstName', 'Email', 'Phone'] as const)
    if (lead.fields[f] != null) contactFields[f] = lead.fields[f]!;
  const contact = newRecord(b, org, 'Contact', contactFields, lead.OwnerId, u.Id);
  b.push({ op: 'putRecord', org: org.id, record: account });
  b.push({ op: 'putRecord', org: org.id, record: contact });
  // The conversion's own changes are not sent (REC-5): the shares ended above.
  b.push({
    op: 'setFields',
    org: org.id,
    id: lead.Id,
    values: lead.fields.Status === 'Closed - Converted' ? {} : { Status: 'Closed - Converted' },
    stamp: { editedAt: ctx.now, origin: org.id },
    source: { by: u.Id },
    converted: true,
  });
  b.log({
    kind: 'info',
    org: org.id,
    record: id,
    rule: 'REC-5',
    text: `${u.Name} converted Lead ${id} into Account ${account.Id} and Contact ${contact.Id}`,
  });
  return b.build({ id, ids: [account.Id, contact.Id] });
}
