import { flatKey } from '../sim/flatKey.ts';
import { namedRecord } from '../org/recordName.ts';
import { sharesOf } from '../org/shareIndex.ts';
import type { Command } from '../commands/command.ts';
import type { FieldValue } from '../domain/index.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { OrgState, SObjectRecord, User } from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import { recordAt, recordOf } from '../org/recordCopies.ts';
import { valueAt } from '../org/recordTables.ts';
import { canAccess, requireManageConnections, requireS2S } from './access.ts';
import { isActiveShare } from './sync.ts';

type ForwardCommand = Extract<
  Command,
  { type: 'record.forward' | 'pnrc.insert' | 'pnrc.insertList' }
>;

/** FWD-2: records are forwarded only on an active (Accepted) connection. */
export function forwardsOn(pnc: PartnerNetworkConnection): boolean {
  return pnc.ConnectionStatus === 'Accepted';
}

/** The fields of one PartnerNetworkRecordConnection row to insert (FWD-4). */
export type PnrcRow = Omit<Extract<Command, { type: 'pnrc.insert' }>, 'type' | 'org' | 'as'>;

/**
 * FWD-4: one PNRC insert, forwarding as the UI does: the record, then the children named in
 * RelatedRecords. `system` skips PERM-2, as an automation rule runs in system context.
 */
export function insertPnrc(
  b: PlanBuilder,
  org: OrgState,
  u: User,
  row: PnrcRow,
  planned: Map<string, string>,
  opts: { record?: SObjectRecord; system?: boolean } = {},
): { id: string; children: string[] } | Refusal {
  const rec = opts.record ?? recordOf(org, row.LocalRecordId);
  const pnc = org.connections[row.ConnectionId];
  if (!rec)
    return refuse('FWD-4', `LocalRecordId ${row.LocalRecordId} is not a record of ${org.name}.`);
  if (!pnc)
    return refuse('FWD-4', `ConnectionId ${row.ConnectionId} is not a connection of ${org.name}.`);
  const related = row.RelatedRecords ?? '';
  if (typeof related !== 'string')
    return refuse('FWD-4', 'RelatedRecords is a comma-separated list of child object names.');
  if (related.length > 1000)
    return refuse('FWD-4', 'RelatedRecords is longer than 1000 characters.');
  let parentShareKey: string | null = null;
  if (row.ParentRecordId) {
    const parent = recordOf(org, row.ParentRecordId);
    const link = org.schema[rec.object]?.parent?.field;
    if (!parent || !link || rec.fields[link] !== parent.Id)
      return refuse(
        'FWD-4',
        `${row.ParentRecordId} is not the parent of ${namedRecord(org, rec.Id)}.`,
      );
    parentShareKey = liveShare(org, parent.Id, pnc.Id, planned);
    if (!parentShareKey)
      return refuse(
        'FWD-2',
        `Share the parent ${parent.object} ${namedRecord(org, parent.Id)} first: a child cannot be forwarded before its parent is shared.`,
      );
  }
  const why = refusalFor(org, u, rec, pnc, planned, opts.system);
  if (why) return why;
  const o = {
    parentShareKey,
    parentRecordId: row.ParentRecordId ?? null,
    related,
    sendOpenTasks: row.SendOpenTasks ?? false,
    sendClosedTasks: row.SendClosedTasks ?? false,
    sendEmail: row.SendEmails ?? false,
  };
  const id = forwardOne(b, org, rec, pnc, o, planned);
  const children: string[] = [];
  const names = related
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const child of relatedChildren(org, rec, names, o.sendOpenTasks, o.sendClosedTasks))
    if (!refusalFor(org, u, child, pnc, planned, opts.system))
      children.push(
        forwardOne(
          b,
          org,
          child,
          pnc,
          {
            ...o,
            parentShareKey: planned.get(`${rec.Id}|${pnc.Id}`)!,
            parentRecordId: rec.Id,
            related: '',
          },
          planned,
        ),
      );
  return { id, children };
}

interface ForwardOptions {
  parentShareKey: string | null;
  parentRecordId: string | null;
  related: string;
  sendOpenTasks: boolean;
  sendClosedTasks: boolean;
  sendEmail: boolean;
}

/** The share of a record on a connection that is still alive (pending or active), if any. */
export function liveShare(
  org: OrgState,
  recordId: string,
  connectionId: string,
  planned: Map<string, string>,
): string | null {
  const plannedKey = planned.get(`${recordId}|${connectionId}`);
  if (plannedKey) return plannedKey;
  for (const p of sharesOf(org, recordId)) {
    if (p.ConnectionId === connectionId && (isActiveShare(p) || p.state === 'pending'))
      return p.shareKey;
  }
  return null;
}

/** FWD-2: every reason a record cannot go to a connection, in Salesforce's words where it has them. */
function refusalFor(
  org: OrgState,
  u: User,
  rec: SObjectRecord,
  pnc: PartnerNetworkConnection,
  planned: Map<string, string>,
  system = false,
): Refusal | null {
  if (!system && !canAccess(org, u, rec))
    return refuse(
      'PERM-2',
      `${u.Name} cannot forward ${namedRecord(org, rec.Id)}: it is not theirs nor owned below them in the role hierarchy.`,
    );
  if (!forwardsOn(pnc))
    return refuse(
      'FWD-2',
      `${pnc.ConnectionName} is ${pnc.ConnectionStatus}; records can be forwarded only on an active (Accepted) connection.`,
    );
  if (!pnc.publications[rec.object] || !pnc.partnerSubscriptions.includes(rec.object))
    return refuse(
      'FWD-2',
      `Invalid Partner Network Status: ${rec.object} is ${pnc.publications[rec.object] ? 'not subscribed by ' + pnc.ConnectionName : 'not published on this connection'}.`,
    );
  if (rec.object === 'Lead' && !rec.fields.Company)
    return refuse('FWD-2', 'A Lead without Company cannot be forwarded.');
  if (rec.ConnectionReceivedId === pnc.Id)
    return refuse(
      'FWD-2',
      `${namedRecord(org, rec.Id)} came from ${pnc.ConnectionName}; a record cannot be forwarded back to the connection it came from.`,
    );
  if (liveShare(org, rec.Id, pnc.Id, planned))
    return refuse(
      'REC-6',
      `${namedRecord(org, rec.Id)} is already shared with ${pnc.ConnectionName}.`,
    );
  return null;
}

function forwardOne(
  b: PlanBuilder,
  org: OrgState,
  rec: SObjectRecord,
  pnc: PartnerNetworkConnection,
  o: ForwardOptions,
  planned: Map<string, string>,
): string {
  const id = b.newId(org, '0CR');
  // Derived from the sender's PNRC id: unique in the sandbox, and drafted like every id.
  const shareKey = flatKey(`S-${id}`);
  const published = pnc.publications[rec.object]!;
  const values: Record<string, FieldValue> = {};
  const editedAt: Record<string, number> = {};
  for (const f of published) {
    values[f] = rec.fields[f] ?? null;
    editedAt[f] = rec.stamps[f]?.editedAt ?? rec.CreatedDate;
  }
  const pnrc: PartnerNetworkRecordConnection = {
    Id: id,
    ConnectionId: pnc.Id,
    LocalRecordId: rec.Id,
    ParentRecordId: o.parentRecordId,
    RelatedRecords: o.related,
    SendClosedTasks: o.sendClosedTasks,
    SendOpenTasks: o.sendOpenTasks,
    SendEmails: o.sendEmail,
    StartDate: null,
    EndDate: null,
    side: 'sender',
    state: 'pending',
    shareKey,
    object: rec.object,
    partnerObject: rec.object,
    pending: null,
    lastError: null,
  };
  planned.set(`${rec.Id}|${pnc.Id}`, shareKey);
  b.push({ op: 'putRecordConnection', org: org.id, pnrc });
  b.send(org, pnc, {
    kind: 'RecordForwarded',
    shareKey,
    object: rec.object,
    values,
    editedAt,
    origin: org.id,
    parentShareKey: o.parentShareKey,
    sendEmail: o.sendEmail,
  });
  b.log({
    kind: 'state',
    org: org.id,
    conn: pnc.Id,
    record: rec.Id,
    share: shareKey,
    rule: 'FWD-1',
    text: `${rec.object} ${rec.Id} forwarded to ${pnc.ConnectionName}: Pending (sent)`,
  });
  return id;
}

/** FWD-1: the children of a record to send along, by the child objects named. */
function relatedChildren(
  org: OrgState,
  rec: SObjectRecord,
  objects: string[],
  openTasks: boolean,
  closedTasks: boolean,
): SObjectRecord[] {
  const out: SObjectRecord[] = [];
  for (const name of objects) {
    const child = org.schema[name];
    const field = child?.parent?.field;
    if (!field) continue;
    for (const k in org.records) {
      const t = org.records[k]!;
      if (t.object !== name) continue;
      for (let row = 0; row < t.Id.length; row++) {
        if (!t.Id[row] || valueAt(t, row, field) !== rec.Id) continue;
        if (name === 'Task' && !(valueAt(t, row, 'IsClosed') ? closedTasks : openTasks)) continue;
        out.push(recordAt(t, row));
      }
    }
  }
  return out;
}

export function forwardCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: ForwardCommand,
): Plan | Refusal {
  const e = requireS2S(org);
  if (e) return e;
  const b = new PlanBuilder(ctx);
  const planned = new Map<string, string>();
  const ids: string[] = [];
  if (cmd.type === 'pnrc.insert' || cmd.type === 'pnrc.insertList') {
    // FWD-4: each row forwards exactly as the UI does; a list is all or nothing, and a row may
    // name as its parent a record shared by an earlier row of the same list.
    const rows = cmd.type === 'pnrc.insert' ? [cmd] : cmd.records;
    if (!Array.isArray(rows) || !rows.length)
      return refuse('FWD-4', 'Insert at least one PartnerNetworkRecordConnection.');
    // `ids`: each row's own PNRC in row order (what Apex sets on the rows), then the related
    // children sent along.
    const children: string[] = [];
    for (const [i, row] of rows.entries()) {
      const made = insertPnrc(b, org, u, row, planned);
      if ('refused' in made)
        return rows.length > 1
          ? refuse(made.rule, `Row ${i + 1} of ${rows.length}: ${made.reason}`)
          : made;
      ids.push(made.id);
      children.push(...made.children);
    }
    ids.push(...children);
    return b.build({ id: ids[0], ids });
  }
  if (!cmd.recordIds.length || !cmd.connectionIds.length)
    return refuse('FWD-1', 'Choose at least one record and one connection.');
  // A list view's Forward to Connections needs Manage Connections even for one record; the
  // record page's does not (PERM-1). Without `from`, several records can only be a list view.
  if (cmd.from === 'listView' || cmd.recordIds.length > 1) {
    const m = requireManageConnections(u, 'forward records from a list view');
    if (m) return m;
  }
  const related = cmd.relatedObjects ?? [];
  for (const recordId of cmd.recordIds) {
    const rec = recordOf(org, recordId);
    if (!rec) return refuse('PERM-2', `There is no record ${recordId} visible to ${u.Name}.`);
    for (const connectionId of cmd.connectionIds) {
      const pnc = org.connections[connectionId];
      if (!pnc) return refuse('FWD-1', `There is no connection ${connectionId}.`);
      const why = refusalFor(org, u, rec, pnc, planned);
      if (why) return why;
      const opts = {
        parentShareKey: null,
        parentRecordId: null,
        related: related.join(','),
        sendOpenTasks: cmd.sendOpenTasks ?? false,
        sendClosedTasks: cmd.sendClosedTasks ?? false,
        sendEmail: cmd.sendEmail ?? false,
      };
      ids.push(forwardOne(b, org, rec, pnc, opts, planned));
      const parentKey = planned.get(`${rec.Id}|${pnc.Id}`)!;
      for (const child of relatedChildren(
        org,
        rec,
        related,
        opts.sendOpenTasks,
        opts.sendClosedTasks,
      )) {
        const childWhy = refusalFor(org, u, child, pnc, planned);
        if (childWhy) {
          b.log({
            kind: 'info',
            org: org.id,
            record: child.Id,
            rule: childWhy.rule,
            text: `related ${child.object} ${namedRecord(org, child.Id)} not sent: ${childWhy.reason}`,
          });
          continue;
        }
        ids.push(
          forwardOne(
            b,
            org,
            child,
            pnc,
            { ...opts, parentShareKey: parentKey, parentRecordId: rec.Id, related: '' },
            planned,
          ),
        );
      }
    }
  }
  return b.build({ id: ids[0], ids });
}
