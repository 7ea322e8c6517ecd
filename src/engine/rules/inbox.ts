import { recordOf } from '../org/recordCopies.ts';
import { namedRecord } from '../org/recordName.ts';
import type { Command } from '../commands/command.ts';
import { recordShareTable } from '../machines/states.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { Message } from '../state/network.ts';
import type { OrgState, SObjectRecord, User } from '../state/org.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import { connectionUserId } from '../org/newOrg.ts';
import { withActivity } from './connectionHistory.ts';
import { canAccess, requireS2S } from './access.ts';
import { mapInbound } from './inboundMapping.ts';
import { childOwner, decideOwner, type OwnerChoice } from './acceptOwner.ts';
import { autoNumbers } from './autoNumber.ts';
import { formulaValues } from '../org/formulas.ts';
import { ownerActive, ownerName, ownerProblem } from '../org/owners.ts';
import { checkRecord } from './validation.ts';
import { unmappedRequired } from '../queries/mappingProblems.ts';
import type { FieldValue } from '../domain/index.ts';

const isBlank = (v: FieldValue | undefined) => v === null || v === undefined || v === '';

type InboxCommand = Extract<Command, { type: 'inbox.accept' | 'inbox.reject' }>;

/**
 * REC-2: turns a pending received record into a local record owned as `owner` says, mapped
 * through the subscription; inbound writes are made by the Connection User (PERM-3).
 * Returns the ids written, or why it cannot be accepted.
 */
function acceptPending(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  owner: OwnerChoice,
  matchRecordId: string | null,
  accepted: Map<string, string>,
): { ok: true; recordId: string } | { ok: false; rule: string; reason: string } {
  const pending = p.pending!;
  const sub = pnc.subscriptions[pending.partnerObject];
  if (!sub)
    return {
      ok: false,
      rule: 'SUB-1',
      reason: `${org.name} does not subscribe to ${pending.partnerObject}; subscribe before accepting.`,
    };
  const mapped = mapInbound(org, pnc, pending.partnerObject, pending.values);
  if (!mapped.ok) return mapped;
  const obj = org.schema[sub.localObject]!;
  const fields = { ...mapped.values };
  // Re-link to the local copy of the parent when the child came with it (FWD-1).
  if (pending.parentShareKey && obj.parent) {
    const parentPnrc = org.shareIndex[pending.parentShareKey];
    const parentId = parentPnrc?.LocalRecordId ?? accepted.get(pending.parentShareKey);
    if (parentId) fields[obj.parent.field] = parentId;
  }
  const now = b.ctx.now;
  const pnet = connectionUserId(org.idTag);
  const stamps: SObjectRecord['stamps'] = {};
  for (const f in mapped.values) {
    const from = Object.keys(pending.values).find((k) => sub.mapping[k] === f);
    stamps[f] = {
      editedAt: (from !== undefined ? pending.editedAt[from] : undefined) ?? now,
      origin: pending.origin,
      via: pnc.Id,
    };
  }
  const { ownerId, how } = decideOwner(org, owner, sub.localObject, fields);
  let rec: SObjectRecord;
  if (matchRecordId) {
    const existing = recordOf(org, matchRecordId);
    if (!existing || existing.object !== sub.localObject)
      return {
        ok: false,
        rule: 'REC-2',
        reason: `${matchRecordId} is not a ${obj.label} to match.`,
      };
    const merged = { ...existing.fields, ...fields };
    const computed = formulaValues(obj, merged);
    const computedStamps: SObjectRecord['stamps'] = {};
    for (const f in computed) computedStamps[f] = { editedAt: now, origin: org.id };
    rec = {
      ...existing,
      fields: { ...merged, ...computed },
      stamps: { ...existing.stamps, ...stamps, ...computedStamps },
      LastModifiedById: pnet,
      LastModifiedDate: now,
      ConnectionReceivedId: pnc.Id,
    };
  } else {
    const id = b.newId(org, obj.keyPrefix);
    // The copy numbers itself: its Auto Number fields are this org's, not the partner's.
    const own = autoNumbers(b, org, sub.localObject);
    Object.assign(own, formulaValues(obj, { ...fields, ...own }));
    const ownStamps: SObjectRecord['stamps'] = {};
    for (const f in own) ownStamps[f] = { editedAt: now, origin: org.id };
    rec = {
      Id: id,
      object: sub.localObject,
      OwnerId: ownerId,
      fields: { ...fields, ...own },
      CreatedDate: now,
      CreatedById: pnet,
      LastModifiedDate: now,
      LastModifiedById: pnet,
      ConnectionReceivedId: pnc.Id,
      stamps: { ...stamps, ...ownStamps },
    };
  }
  // A required field nothing maps to fails every record of this subscription: say so, and
  // where to fix it, rather than only that the value is missing.
  const lacking = unmappedRequired(obj, sub.mapping).find((f) => isBlank(rec.fields[f.apiName]));
  if (lacking)
    return {
      ok: false,
      rule: 'SYNC-5',
      reason: `The ${obj.label} subscription maps nothing to ${lacking.label}, which is required.`,
    };
  const valid = checkRecord(org, rec.object, rec.fields);
  if (!valid.ok) return { ok: false, rule: 'SYNC-5', reason: valid.reason };
  b.push({ op: 'putRecord', org: org.id, record: rec });
  for (const f in fields)
    if (fields[f] !== null || matchRecordId)
      b.push({
        op: 'history',
        org: org.id,
        entry: {
          at: now,
          recordId: rec.Id,
          field: f,
          oldValue: matchRecordId ? (recordOf(org, matchRecordId)?.fields[f] ?? null) : null,
          newValue: fields[f]!,
          source: { by: pnet, via: pnc.Id },
        },
      });
  const state = recordShareTable.next(p.state, 'ACCEPT') ?? 'accepted';
  b.push({
    op: 'putRecordConnection',
    org: org.id,
    pnrc: {
      ...p,
      state,
      LocalRecordId: rec.Id,
      StartDate: now,
      pending: null,
      lastError: null,
      object: rec.object,
    },
  });
  b.send(org, pnc, { kind: 'RecordAccepted', shareKey: p.shareKey });
  b.log({
    kind: 'state',
    org: org.id,
    conn: pnc.Id,
    record: rec.Id,
    share: p.shareKey,
    rule: 'REC-2',
    text: `${rec.object} ${rec.Id} accepted from ${pnc.ConnectionName}, owned by ${ownerName(org, rec.OwnerId)}${matchRecordId ? '' : how}`,
  });
  accepted.set(p.shareKey, rec.Id);
  acceptChildren(b, org, pnc, p.shareKey, rec, accepted);
  return { ok: true, recordId: rec.Id };
}

/** SUB-5: children wait for their parent and are accepted with it when every condition holds. */
function acceptChildren(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  parentKey: string,
  parent: SObjectRecord,
  accepted: Map<string, string>,
) {
  for (const id of org.pendingChildren[parentKey] ?? []) {
    const c = org.recordConnections[id];
    if (
      !c ||
      c.state !== 'pending' ||
      c.side !== 'receiver' ||
      c.pending?.parentShareKey !== parentKey
    )
      continue;
    const why = childAutoAcceptBlocker(org, pnc, c, parent);
    if (why) {
      b.log({
        kind: 'info',
        org: org.id,
        share: c.shareKey,
        rule: 'SUB-5',
        text: `${c.object} ${c.shareKey} waits to be accepted by hand: ${why}`,
      });
      continue;
    }
    const r = acceptPending(b, org, pnc, c, childOwner(org, pnc, c, parent), null, accepted);
    if (!r.ok)
      b.log({
        kind: 'info',
        org: org.id,
        share: c.shareKey,
        rule: r.rule,
        text: `${c.object} ${c.shareKey} not accepted with its parent: ${r.reason}`,
      });
  }
}

function childAutoAcceptBlocker(
  org: OrgState,
  pnc: PartnerNetworkConnection,
  c: PartnerNetworkRecordConnection,
  parent: SObjectRecord,
): string | null {
  const sub = pnc.subscriptions[c.pending!.partnerObject];
  if (!sub) return `${c.pending!.partnerObject} is not subscribed`;
  const obj = org.schema[sub.localObject];
  if (
    !obj?.parent ||
    !(obj.parent.objects.includes(parent.object) || obj.parent.objects.includes('*'))
  )
    return `it is not really related to ${parent.object} ${namedRecord(org, parent.Id)}`;
  if (!org.users[pnc.PrimaryContactId]?.IsActive) return 'the connection owner is inactive';
  if (!ownerActive(org, parent.OwnerId)) return "the parent's owner is inactive";
  return null;
}

export function inboxCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: InboxCommand,
): Plan | Refusal {
  const e = requireS2S(org);
  if (e) return e;
  const p = org.recordConnections[cmd.pnrcId];
  if (!p || p.side !== 'receiver' || p.state !== 'pending' || !p.pending)
    return refuse('REC-2', `${cmd.pnrcId} is not a record waiting in "from Connections".`);
  const pnc = org.connections[p.ConnectionId];
  if (!pnc || pnc.ConnectionStatus !== 'Accepted')
    return refuse('CONN-6', 'The connection is no longer active.');
  const b = new PlanBuilder(ctx);
  if (cmd.type === 'inbox.reject') {
    b.push({
      op: 'putRecordConnection',
      org: org.id,
      pnrc: {
        ...p,
        state: recordShareTable.next(p.state, 'REJECT') ?? 'rejected',
        pending: null,
        EndDate: ctx.now,
      },
    });
    b.send(org, pnc, { kind: 'RecordRejected', shareKey: p.shareKey });
    b.log({
      kind: 'state',
      org: org.id,
      conn: pnc.Id,
      share: p.shareKey,
      rule: 'REC-2',
      text: `${u.Name} rejected ${p.pending.partnerObject} ${p.shareKey} from ${pnc.ConnectionName}`,
    });
    return b.build({ id: p.Id });
  }
  const local = pnc.subscriptions[p.pending.partnerObject]?.localObject ?? p.object;
  const owner: OwnerChoice = { ownerId: cmd.ownerId ?? u.Id };
  if (cmd.useAssignmentRules) {
    if (cmd.ownerId) return refuse('REC-2', 'Choose an owner or use assignment rules, not both.');
    if (local !== 'Lead' && local !== 'Case')
      return refuse('REC-2', `Assignment rules apply to Leads and Cases, not to ${local}.`);
    owner.rule = org.assignmentRules[local];
    if (!owner.rule)
      return refuse('REC-2', `There is no active ${local} assignment rule in ${org.name}.`);
  }
  const badOwner = ownerProblem(org, owner.ownerId, local);
  if (badOwner) return refuse('REC-2', badOwner);
  if (cmd.matchRecordId) {
    const match = recordOf(org, cmd.matchRecordId);
    if (!match || match.object !== 'Account')
      return refuse('REC-2', 'Only an existing Account can be matched.');
    if (!canAccess(org, u, match))
      return refuse('PERM-2', `${u.Name} has no access to ${namedRecord(org, match.Id)}.`);
  }
  const r = acceptPending(b, org, pnc, p, owner, cmd.matchRecordId ?? null, new Map());
  if (!r.ok) {
    if (r.rule !== 'SYNC-5') return refuse(r.rule, r.reason);
    // SYNC-5: the record cannot be applied. Refused, and recorded as a failure for Health,
    // Connection History and the connection owner, as a failed update is.
    const failed = new PlanBuilder(ctx);
    failPending(failed, org, pnc, p, r.rule, r.reason, 'Accepting');
    return { ...refuse(r.rule, r.reason), record: failed.build().ops };
  }
  return b.build({ id: r.recordId });
}

/** A record forwarded to this org: it waits in "from Connections" unless auto-accepted. */
export function recordForwardedInbound(
  ctx: RuleContext,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  m: Message,
): Plan {
  const b = new PlanBuilder(ctx);
  const body = m.body;
  if (body.kind !== 'RecordForwarded') return b.build();
  if (org.shareIndex[body.shareKey])
    return b
      .log({
        kind: 'ignored',
        org: org.id,
        msg: m.id,
        share: body.shareKey,
        text: `${body.object} ${body.shareKey} already received`,
      })
      .build();
  const sub = pnc.subscriptions[body.object];
  const localObject = sub?.localObject ?? body.object;
  const p: PartnerNetworkRecordConnection = {
    Id: b.newId(org, '0CR'),
    ConnectionId: pnc.Id,
    LocalRecordId: null,
    ParentRecordId: null,
    RelatedRecords: '',
    SendClosedTasks: false,
    SendOpenTasks: false,
    SendEmails: body.sendEmail,
    StartDate: null,
    EndDate: null,
    side: 'receiver',
    state: 'pending',
    shareKey: body.shareKey,
    object: localObject,
    partnerObject: body.object,
    pending: {
      partnerObject: body.object,
      values: body.values,
      editedAt: body.editedAt,
      origin: body.origin,
      parentShareKey: body.parentShareKey,
      receivedAt: ctx.now,
    },
    lastError: null,
  };
  b.push({ op: 'putRecordConnection', org: org.id, pnrc: p });
  b.log({
    kind: 'state',
    org: org.id,
    conn: pnc.Id,
    msg: m.id,
    share: body.shareKey,
    rule: 'REC-2',
    text: `${body.object} ${body.shareKey} arrived from ${pnc.ConnectionName}${body.parentShareKey ? ` (child of ${body.parentShareKey})` : ''}`,
    data: { parentShareKey: body.parentShareKey },
  });
  b.notify(org, {
    to: pnc.PrimaryContactId,
    connectionId: pnc.Id,
    kind: 'recordsForwarded',
    text: `${pnc.ConnectionName} forwarded ${/^[AEIOU]/.test(body.object) ? 'an' : 'a'} ${body.object}${body.sendEmail ? ' (email sent)' : ''}.`,
  });
  const obj = org.schema[localObject];
  const accepted = new Map<string, string>();
  if (body.parentShareKey && obj?.parent) {
    const parentPnrc = org.shareIndex[body.parentShareKey];
    const parent = parentPnrc?.LocalRecordId ? recordOf(org, parentPnrc.LocalRecordId) : undefined;
    if (parent && ['accepted', 'synced', 'updating', 'failed'].includes(parentPnrc!.state)) {
      const why = childAutoAcceptBlocker(org, pnc, p, parent);
      if (!why) {
        const r = acceptPending(b, org, pnc, p, childOwner(org, pnc, p, parent), null, accepted);
        if (!r.ok) failPending(b, org, pnc, p, r.rule, r.reason, 'Auto-accept of');
      } else
        b.log({
          kind: 'info',
          org: org.id,
          share: p.shareKey,
          rule: 'SUB-5',
          text: `${body.object} ${p.shareKey} waits to be accepted by hand: ${why}`,
        });
    }
    return b.build();
  }
  if (sub?.autoAccept && obj && !obj.parent && !obj.junction) {
    const r = acceptPending(b, org, pnc, p, { ownerId: pnc.PrimaryContactId }, null, accepted);
    if (!r.ok) failPending(b, org, pnc, p, r.rule, r.reason, 'Auto-accept of');
  }
  return b.build();
}

function failPending(
  b: PlanBuilder,
  org: OrgState,
  pnc: PartnerNetworkConnection,
  p: PartnerNetworkRecordConnection,
  rule: string,
  reason: string,
  attempt: 'Auto-accept of' | 'Accepting',
) {
  b.push({ op: 'putRecordConnection', org: org.id, pnrc: { ...p, lastError: reason } });
  b.push({
    op: 'failure',
    org: org.id,
    failure: {
      at: b.ctx.now,
      connectionId: pnc.Id,
      recordId: null,
      shareKey: p.shareKey,
      reason,
      rule,
    },
  });
  b.notify(org, {
    to: pnc.PrimaryContactId,
    connectionId: pnc.Id,
    kind: 'syncFailure',
    text: `${attempt} ${p.partnerObject} ${p.shareKey} failed: ${reason}`,
  });
  b.push({
    op: 'putConnection',
    org: org.id,
    pnc: withActivity(pnc, b.ctx.now, `Record sync failed for ${p.shareKey}: ${reason}`, {
      stats: { ...pnc.stats, failedUpdates: pnc.stats.failedUpdates + 1 },
    }),
  });
  b.log({
    kind: 'applyFailed',
    org: org.id,
    conn: pnc.Id,
    share: p.shareKey,
    rule,
    text: `${attempt === 'Accepting' ? 'accept' : 'auto-accept'} failed: ${reason}`,
  });
}
