import type { Command } from '../commands/command.ts';
import { namedRecord } from '../org/recordName.ts';
import { recordShareTable, type RecordShareEvent } from '../machines/states.ts';
import { connectionUserId } from '../org/newOrg.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { Message } from '../state/network.ts';
import type { FieldValue } from '../domain/index.ts';
import type { OrgState, User } from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import { canAccess, requireS2S } from './access.ts';
import { isActiveShare, runAutomations, sendUpdates, writeChanges, type Written } from './sync.ts';
import type { LogEntry } from '../sim/log.ts';
import { mapInbound } from './inboundMapping.ts';
import { checkRecordAt } from './validation.ts';
import { hasRecord, recordOf } from '../org/recordCopies.ts';
import { editedAtIn, originIn, rowOf, stampAt, tableOf, valueIn } from '../org/recordTables.ts';
import type { RecordTable } from '../state/recordTable.ts';
import { withActivity } from './connectionHistory.ts';

type StopCommand = Extract<Command, { type: 'sharing.stop' | 'pnrc.delete' }>;

/** REC-4: Stop Sharing from either side; PERM-2 applies to the local record. */
export function stopSharingCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: StopCommand,
): Plan | Refusal {
  const e = requireS2S(org);
  if (e) return e;
  const id = cmd.type === 'sharing.stop' ? cmd.pnrcId : cmd.id;
  const p = org.recordConnections[id];
  if (!p) return refuse('REC-4', `There is no PartnerNetworkRecordConnection ${id}.`);
  if (!(isActiveShare(p) || (p.state === 'pending' && p.side === 'sender')))
    return refuse('REC-4', `Sharing of ${p.shareKey} already ended (${p.state}).`);
  const rec = p.LocalRecordId ? recordOf(org, p.LocalRecordId) : undefined;
  if (rec && !canAccess(org, u, rec))
    return refuse(
      'PERM-2',
      `${u.Name} cannot stop sharing ${namedRecord(org, rec.Id)}: it is not theirs nor owned below them in the role hierarchy.`,
    );
  if (cmd.type === 'sharing.stop' && cmd.deletePartnerCopy && p.side === 'receiver')
    return refuse(
      'REC-4',
      "Only the sender may ask to delete the partner's copy; a receiver never deletes the original.",
    );
  // [sandbox choice] Deleting the partner's copy is an option of the sender only.
  const deleteCopy =
    p.side === 'sender' && cmd.type === 'sharing.stop'
      ? (cmd.deletePartnerCopy ?? ctx.settings.deletePartnerCopyOnStop)
      : false;
  const b = new PlanBuilder(ctx);
  b.push({
    op: 'putRecordConnection',
    org: org.id,
    pnrc: {
      ...p,
      state: recordShareTable.next(p.state, 'STOP_SHARING') ?? 'stopped',
      EndDate: ctx.now,
    },
  });
  const pnc = org.connections[p.ConnectionId];
  if (pnc?.ConnectionStatus === 'Accepted')
    b.send(org, pnc, { kind: 'SharingStopped', shareKey: p.shareKey, deleteCopy });
  b.log({
    kind: 'state',
    org: org.id,
    conn: p.ConnectionId,
    record: p.LocalRecordId ?? undefined,
    share: p.shareKey,
    rule: 'REC-4',
    text: `${u.Name} stopped sharing ${p.shareKey}${deleteCopy ? " and asked to delete the partner's copy (sandbox option; Salesforce Help keeps it)" : ''}`,
  });
  return b.build({ id: p.Id });
}

function transition(
  b: PlanBuilder,
  org: OrgState,
  p: PartnerNetworkRecordConnection,
  event: RecordShareEvent,
  patch: Partial<PartnerNetworkRecordConnection> = {},
) {
  const next = recordShareTable.next(p.state, event);
  if (!next) return false;
  b.push({ op: 'putRecordConnection', org: org.id, pnrc: { ...p, state: next, ...patch } });
  return true;
}

/** Messages about one shared record, as the receiving org handles them. */
export function sharedRecordInbound(
  ctx: RuleContext,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  m: Message,
): Plan {
  const b = new PlanBuilder(ctx);
  const body = m.body;
  if (!('shareKey' in body)) return b.build();
  const p = org.shareIndex[body.shareKey];
  if (!p)
    return ignored(b, org, pnc, m, body.shareKey, `nothing here is shared as ${body.shareKey}`);
  if (body.kind === 'RecordUpdated') return applyUpdate(b, org, pnc, p, m);
  const ignore = (why: string) => ignored(b, org, pnc, m, body.shareKey, why);
  const now = ctx.now;
  /** The share's lifecycle moved because of the partner: say so in the log. */
  const said = (rule: string, text: string) =>
    b.log({
      kind: 'state',
      org: org.id,
      conn: pnc.Id,
      record: p.LocalRecordId ?? undefined,
      share: p.shareKey,
      rule,
      text,
    });
  switch (body.kind) {
    case 'RecordAccepted':
      if (!transition(b, org, p, 'ACCEPT', { StartDate: now }))
        return ignore(`acceptance of ${body.shareKey} arrived after it was ${p.state}`);
      return said(
        'REC-1',
        `${pnc.ConnectionName} accepted ${p.object} ${p.LocalRecordId}: Active (sent)`,
      ).build();
    case 'RecordRejected':
      if (!transition(b, org, p, 'REJECT', { EndDate: now }))
        return ignore(`rejection of ${body.shareKey} arrived after it was ${p.state}`);
      return said('REC-2', `${pnc.ConnectionName} rejected ${p.object} ${p.LocalRecordId}`).build();
    case 'SharingStopped': {
      if (!transition(b, org, p, 'STOP_SHARING', { EndDate: now, pending: null }))
        return ignore(`sharing of ${body.shareKey} had already ended`);
      said(
        'REC-4',
        `${pnc.ConnectionName} stopped sharing ${p.object} ${p.LocalRecordId ?? p.shareKey}; the copy stays as a plain record`,
      );
      if (body.deleteCopy && p.LocalRecordId && hasRecord(org, p.LocalRecordId)) {
        b.push({ op: 'deleteRecord', org: org.id, id: p.LocalRecordId });
        b.log({
          kind: 'info',
          org: org.id,
          record: p.LocalRecordId,
          rule: 'REC-4',
          text: `copy ${p.LocalRecordId} deleted as the sender asked (sandbox option; Salesforce Help keeps it)`,
        });
      }
      return b.build();
    }
    case 'RecordDeleted':
    case 'LeadConverted': {
      const how = body.kind === 'RecordDeleted' ? 'deleted' : 'converted';
      const event = how === 'deleted' ? 'PARTNER_DELETED' : 'PARTNER_CONVERTED';
      if (!transition(b, org, p, event, { EndDate: now, pending: null }))
        return ignore(`sharing of ${body.shareKey} had already ended`);
      return said(
        'REC-5',
        `${pnc.ConnectionName} ${how} its copy: Inactive (${how}); this copy stays`,
      ).build();
    }
    default:
      return b.build();
  }
}

function ignored(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  m: Message,
  shareKey: string,
  why: string,
): Plan {
  return b
    .log({ kind: 'ignored', org: org.id, conn: pnc.Id, msg: m.id, share: shareKey, text: why })
    .build();
}

/**
 * SYNC-1..7: applies a partner's change through this org's mapping. No conflict detection:
 * by default the later arrival wins; with last-writer-wins, older edits are skipped.
 */
function applyUpdate(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  m: Message,
): Plan {
  const body = m.body as RecordUpdated;
  const now = b.ctx.now;
  if (p.state === 'pending' && p.pending) {
    // Not accepted yet: acceptance will use the newest values.
    const editedAt = { ...p.pending.editedAt };
    for (const f in body.changes) editedAt[f] = body.editedAt;
    b.push({
      op: 'putRecordConnection',
      org: org.id,
      pnrc: {
        ...p,
        pending: { ...p.pending, values: { ...p.pending.values, ...body.changes }, editedAt },
      },
    });
    return b
      .log({
        kind: 'info',
        org: org.id,
        msg: m.id,
        share: p.shareKey,
        text: `update to pending ${p.shareKey} kept for acceptance`,
      })
      .build();
  }
  if (!isActiveShare(p) || pnc.ConnectionStatus !== 'Accepted')
    return b
      .log({
        kind: 'ignored',
        org: org.id,
        conn: pnc.Id,
        msg: m.id,
        share: p.shareKey,
        rule: 'REC-4',
        text: `update to ${p.shareKey} ignored: sharing is ${p.state}`,
      })
      .build();
  const id = p.LocalRecordId;
  const t = id ? tableOf(org, id) : undefined;
  const row = id ? rowOf(id) : -1;
  if (!t || t.Id[row] !== id)
    return b
      .log({
        kind: 'ignored',
        org: org.id,
        msg: m.id,
        share: p.shareKey,
        text: `update to ${p.shareKey} ignored: the copy was deleted`,
      })
      .build();
  const mapped = mapInbound(org, pnc, p.partnerObject, body.changes);
  if (!mapped.ok) return failUpdate(b, org, pnc, p, t, row, m, mapped.rule, mapped.reason);
  let values = mapped.values;
  const skipped: string[] = [];
  if (b.ctx.settings.conflictResolution === 'lastWriterWins') {
    values = {};
    for (const f in mapped.values) {
      const s = stampAt(t, row, f);
      if (
        s &&
        (s.editedAt > body.editedAt || (s.editedAt === body.editedAt && s.origin > body.origin))
      )
        skipped.push(f);
      else values[f] = mapped.values[f]!;
    }
  }
  const valid = checkRecordAt(org, t, row, values);
  if (!valid.ok) return failUpdate(b, org, pnc, p, t, row, m, 'SYNC-5', valid.reason);
  const overwrote = overwrittenEdits(org, pnc, p, t, row, values, body);
  const pnet = connectionUserId(org.idTag);
  const origin = { editedAt: body.editedAt, origin: body.origin, via: pnc.Id };
  const w = writeChanges(b, org, t, row, values, { by: pnet, via: pnc.Id }, origin);
  if (p.state !== 'synced' || p.lastError)
    b.push({
      op: 'putRecordConnection',
      org: org.id,
      pnrc: { ...p, state: 'synced', lastError: null },
    });
  b.push({ op: 'syncStats', org: org.id, connectionId: pnc.Id, lagMs: now - body.editedAt });
  b.log(applyLine(org, pnc, p, m, w, skipped, overwrote));
  // No echo (SYNC-6): what the Connection User applied is not sent back where it came from.
  const skip = b.ctx.settings.suppressEcho ? p : undefined;
  sendUpdates(b, org, w, { editedAt: body.editedAt, origin: body.origin }, skip);
  const auto = runAutomations(b, org, t, row, w);
  if (auto) {
    const autoSkip = b.ctx.settings.sendAutomationChangesBack ? undefined : p;
    sendUpdates(b, org, auto, { editedAt: now, origin: org.id }, autoSkip);
  }
  return b.build();
}

type RecordUpdated = Extract<Message['body'], { kind: 'RecordUpdated' }>;

/**
 * The log line of an applied update (SYNC-7), with the fields written, fields skipped by
 * last-writer-wins and concurrent edits overwritten (SYNC-3). Whole, in the order of the
 * log's other lines: the sync kernel pushes it as it is (`i` and `t` given), and a plan's
 * log op gets its `i` and `t` when applied.
 */
export function applyLine(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  m: Message,
  w: Written,
  skipped: string[] | undefined,
  overwrote: Overwritten[] | undefined,
  i = -1,
  t = 0,
): LogEntry {
  const body = m.body as RecordUpdated;
  return {
    i,
    t,
    kind: 'apply',
    org: org.id,
    wire: m.wire,
    conn: pnc.Id,
    record: w.recordId,
    share: p.shareKey,
    msg: m.id,
    rule: undefined,
    text: undefined,
    // Every update leaves this line in the log for good: the rare parts only when present.
    data:
      m.duplicate || skipped?.length || overwrote
        ? {
            fields: writtenFields(w.values),
            chanSeq: m.chanSeq,
            origin: body.origin,
            editedAt: body.editedAt,
            duplicate: m.duplicate || undefined,
            skipped: skipped?.length ? skipped : undefined,
            overwrote,
          }
        : {
            fields: writtenFields(w.values),
            chanSeq: m.chanSeq,
            origin: body.origin,
            editedAt: body.editedAt,
          },
  };
}

const lone = new Map<string, readonly string[]>();

/**
 * The names of the fields an update wrote, for its apply line. The log keeps that line for
 * good, so the list of a lone field (the common case) is one shared, frozen array.
 */
function writtenFields(values: Record<string, unknown>): readonly string[] {
  let only: string | undefined;
  for (const k in values) {
    if (only !== undefined) return Object.keys(values);
    only = k;
  }
  if (only === undefined) return [];
  let list = lone.get(only);
  if (!list) lone.set(only, (list = Object.freeze([only])));
  return list;
}

/** A local edit an arrival overwrote: which field, and when and where it was made. */
export interface Overwritten {
  field: string;
  editedAt: number;
  origin: string;
}

/**
 * SYNC-3: the local edits an inbound update is about to overwrite although the sender had
 * not seen them (its `basedOn` names an older edit): concurrent edits, for the log.
 */
export function overwrittenEdits(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  t: RecordTable,
  row: number,
  values: Record<string, FieldValue>,
  body: RecordUpdated,
): Overwritten[] | undefined {
  let overwrote: Overwritten[] | undefined;
  for (const f in values) {
    const col = t.fields[f];
    // Only a local edit can be overwritten; its stamp is read slot by slot, without a copy.
    if (originIn(col, row) !== org.id || valueIn(col, row) === values[f]) continue;
    const editedAt = editedAtIn(col, row)!;
    const mapping = pnc.subscriptions[p.partnerObject]?.mapping;
    let based: number | undefined;
    for (const k in body.changes)
      if (mapping?.[k] === f) {
        based = body.basedOn[k];
        break;
      }
    if (editedAt !== based) (overwrote ??= []).push({ field: f, editedAt, origin: org.id });
  }
  return overwrote;
}

/** SYNC-5: the update cannot be applied here; the share fails and the owner hears of it. */
function failUpdate(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  t: RecordTable,
  row: number,
  m: Message,
  rule: string,
  reason: string,
): Plan {
  const now = b.ctx.now;
  const rec = { Id: t.Id[row]!, object: t.object };
  b.push({
    op: 'putRecordConnection',
    org: org.id,
    pnrc: {
      ...p,
      state: recordShareTable.next('updating', 'UPDATE_FAILED') ?? 'failed',
      lastError: reason,
    },
  });
  b.push({
    op: 'failure',
    org: org.id,
    failure: {
      at: now,
      connectionId: pnc.Id,
      recordId: rec.Id,
      shareKey: p.shareKey,
      reason,
      rule,
    },
  });
  b.push({
    op: 'putConnection',
    org: org.id,
    pnc: withActivity(pnc, now, `Record sync failed for ${namedRecord(org, rec.Id)}: ${reason}`, {
      stats: { ...pnc.stats, failedUpdates: pnc.stats.failedUpdates + 1 },
    }),
  });
  b.notify(org, {
    to: pnc.PrimaryContactId,
    connectionId: pnc.Id,
    kind: 'syncFailure',
    text: `Update of ${rec.object} ${namedRecord(org, rec.Id)} from ${pnc.ConnectionName} failed: ${reason}`,
  });
  return b
    .log({
      kind: 'applyFailed',
      org: org.id,
      conn: pnc.Id,
      record: rec.Id,
      msg: m.id,
      share: p.shareKey,
      rule,
      text: `update from ${pnc.ConnectionName} failed on ${rec.Id}: ${reason}`,
    })
    .build();
}
