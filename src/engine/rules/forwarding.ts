import { flatKey } from '../sim/flatKey.ts';
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

type ForwardCommand = Extract<Command, { type: 'record.forward' | 'pnrc.insert' }>;

interface ForwardOptions {
  parentShareKey: string | null;
  parentRecordId: string | null;
  related: string;
  sendOpenTasks: boolean;
  sendClosedTasks: boolean;
  sendEmail: boolean;
}

/** The share of a record on a connection that is still alive (pending or active), if any. */
function liveShare(
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
): Refusal | null {
  if (!canAccess(org, u, rec))
    return refuse(
      'PERM-2',
      `${u.Name} cannot forward ${rec.Id}: it is not theirs nor owned below them in the role hierarchy.`,
    );
  if (pnc.ConnectionStatus !== 'Accepted')
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
      `${rec.Id} came from ${pnc.ConnectionName}; a record cannot be forwarded back to the connection it came from.`,
    );
  if (liveShare(org, rec.Id, pnc.Id, planned))
    return refuse('REC-6', `${rec.Id} is already shared with ${pnc.ConnectionName}.`);
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
  if (cmd.type === 'pnrc.insert') {
    // FWD-4: a PNRC insert forwards exactly as the UI does.
    const rec = recordOf(org, cmd.LocalRecordId);
    const pnc = org.connections[cmd.ConnectionId];
    if (!rec)
      return refuse('FWD-4', `LocalRecordId ${cmd.LocalRecordId} is not a record of ${org.name}.`);
    if (!pnc)
      return refuse(
        'FWD-4',
        `ConnectionId ${cmd.ConnectionId} is not a connection of ${org.name}.`,
      );
    const related = cmd.RelatedRecords ?? '';
    if (related.length > 1000)
      return refuse('FWD-4', 'RelatedRecords is longer than 1000 characters.');
    let parentShareKey: string | null = null;
    if (cmd.ParentRecordId) {
      const parent = recordOf(org, cmd.ParentRecordId);
      const link = org.schema[rec.object]?.parent?.field;
      if (!parent || !link || rec.fields[link] !== parent.Id)
        return refuse('FWD-4', `${cmd.ParentRecordId} is not the parent of ${rec.Id}.`);
      parentShareKey = liveShare(org, parent.Id, pnc.Id, planned);
      if (!parentShareKey)
        return refuse(
          'FWD-2',
          `Share the parent ${parent.object} ${parent.Id} first: a child cannot be forwarded before its parent is shared.`,
        );
    }
    const why = refusalFor(org, u, rec, pnc, planned);
    if (why) return why;
    const opts = {
      parentShareKey,
      parentRecordId: cmd.ParentRecordId ?? null,
      related,
      sendOpenTasks: cmd.SendOpenTasks ?? false,
      sendClosedTasks: cmd.SendClosedTasks ?? false,
      sendEmail: cmd.SendEmails ?? false,
    };
    ids.push(forwardOne(b, org, rec, pnc, opts, planned));
    const names = related
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const child of relatedChildren(org, rec, names, opts.sendOpenTasks, opts.sendClosedTasks))
      if (!refusalFor(org, u, child, pnc, planned))
        ids.push(
          forwardOne(
            b,
            org,
            child,
            pnc,
            {
              ...opts,
              parentShareKey: planned.get(`${rec.Id}|${pnc.Id}`)!,
              parentRecordId: rec.Id,
              related: '',
            },
            planned,
          ),
        );
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
            text: `related ${child.object} ${child.Id} not sent: ${childWhy.reason}`,
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
