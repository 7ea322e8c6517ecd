import { keptPnrc } from '../org/keptPnrc.ts';
import { indexShare, unindexShare } from '../org/shareIndex.ts';
import type { Network } from '../sim/network.ts';
import type { LogDraft } from '../sim/log.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import type { Op } from './plan.ts';
import { rowOf, tableOf } from '../org/recordTables.ts';
import { putRecord, removeRecord, renameColumn, writeFields } from '../org/recordWrites.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { MessageBody } from '../state/network.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import { recordIds } from '../org/recordCopies.ts';

/** Where a plan lands: the state, and the shell's effects of applying it. */
export interface PlanTarget {
  readonly state: SandboxState;
  readonly network: Network;
  log(draft: LogDraft): void;
  /** A record was put, edited or deleted: persistence rewrites its row. */
  touchRecord(org: string, id: string): void;
  /** A PartnerNetworkRecordConnection was put or deleted: persistence rewrites its row. */
  touchPnrc(org: string, id: string): void;
  /** Some other part of the org changed. */
  markOrgChanged(org: string): void;
  /** A PNRC was made or removed: views listing an org's shares catch up from here. */
  noteShare(org: string, id: string, removed: boolean): void;
  /** A PNRC was put or deleted (`after` undefined): the share counts follow. */
  shareCountsChanged(
    org: string,
    before: PartnerNetworkRecordConnection | undefined,
    after: PartnerNetworkRecordConnection | undefined,
  ): void;
}

/**
 * Applies one op of a rule's plan: where plans change state. The sync kernel
 * (src/engine/kernel) is the one other writer, through the same helpers (`writeFields`,
 * `sendMessage`, `countApplied`). Ops are applied in place, since copying records or indexes
 * per update would dominate the sync path.
 */
export function applyOp(t: PlanTarget, op: Op): void {
  const s = t.state;
  switch (op.op) {
    case 'createOrg':
      t.markOrgChanged(op.org.id);
      s.orgs[op.org.id] = op.org;
      s.orgOrder.push(op.org.id);
      return;
    case 'log':
      t.log(op.entry);
      return;
    case 'send':
      sendMessage(t, op.from, op.to, op.wire, op.body, op.extraDelayMs);
      return;
  }
  const org = s.orgs[op.org];
  if (!org) return;
  if (op.op === 'putRecord') t.touchRecord(org.id, op.record.Id);
  else if (op.op === 'setFields' || op.op === 'deleteRecord') t.touchRecord(org.id, op.id);
  else if (op.op === 'renameFieldData') for (const id of recordIds(org)) t.touchRecord(org.id, id);
  else if (op.op !== 'history') t.markOrgChanged(org.id);
  if (op.op === 'putRecordConnection') t.touchPnrc(org.id, op.pnrc.Id);
  else if (op.op === 'deleteRecordConnection') t.touchPnrc(org.id, op.id);
  switch (op.op) {
    case 'putRecord':
      putRecord(org, op.record);
      return;
    case 'setFields': {
      // Applied in place: the hot path of sync must not copy records per update.
      const t = tableOf(org, op.id);
      const row = rowOf(op.id);
      if (!t || t.Id[row] !== op.id) return;
      writeFields(org, t, row, op.values, op.stamp, op.source, s.now, op.computed);
      if (op.converted) t.IsConverted[row] = true;
      return;
    }
    case 'syncStats': {
      const c = org.connections[op.connectionId];
      if (c) countApplied(c, s.now, op.lagMs);
      return;
    }
    case 'renameFieldData':
      renameColumn(org, op.object, op.from, op.to);
      return;
    case 'deleteRecord':
      removeRecord(org, op.id);
      return;
    case 'history':
      org.history.push(op.entry);
      return;
    case 'putConnection':
      org.connections[op.pnc.Id] = op.pnc;
      return;
    case 'putRecordConnection': {
      const p = keptPnrc(op.pnrc);
      const before = org.recordConnections[p.Id];
      org.recordConnections[p.Id] = p;
      if (!before) t.noteShare(org.id, p.Id, false);
      t.shareCountsChanged(org.id, before, p);
      if (before && before.LocalRecordId !== p.LocalRecordId) unindexShare(org, before);
      indexShare(org, p);
      const parentKey = p.pending?.parentShareKey;
      const beforeKey = before?.pending?.parentShareKey;
      if (beforeKey && beforeKey !== parentKey) {
        const rest = org.pendingChildren[beforeKey]?.filter((x) => x !== p.Id);
        if (rest?.length) org.pendingChildren[beforeKey] = rest;
        else delete org.pendingChildren[beforeKey];
      }
      if (parentKey && parentKey !== beforeKey) (org.pendingChildren[parentKey] ??= []).push(p.Id);
      return;
    }
    case 'deleteRecordConnection': {
      const p = org.recordConnections[op.id];
      if (!p) return;
      delete org.recordConnections[op.id];
      unindexShare(org, p);
      t.noteShare(org.id, op.id, true);
      t.shareCountsChanged(org.id, p, undefined);
      return;
    }
    case 'patchOrg':
      Object.assign(org, op.patch);
      return;
    case 'notify':
      org.notifications.push(op.notification);
      t.log({
        kind: 'notify',
        org: org.id,
        conn: op.notification.connectionId ?? undefined,
        text: `notified ${org.users[op.notification.to]?.Name ?? op.notification.to}: ${op.notification.text}`,
      });
      return;
    case 'failure':
      org.failures.push(op.failure);
      return;
    case 'counters':
      Object.assign(org.counters, op.counters);
      return;
  }
}

/** Puts a message on the wire (held at the sender when the receiver is offline) and logs it. */
export function sendMessage(
  t: PlanTarget,
  from: string,
  to: string,
  wire: string,
  body: MessageBody,
  extraDelayMs: number,
) {
  const s = t.state;
  const receiver = s.orgs[to];
  const { message, held } = t.network.send(
    s.now,
    from,
    to,
    wire,
    body,
    extraDelayMs,
    !receiver || receiver.offline,
  );
  // Pushed whole, holding only its own fields: every update writes one, and through the log's
  // general entry point its reads would see every kind of line (megamorphic).
  s.log.push({
    i: s.log.length,
    t: s.now,
    kind: 'send',
    org: from,
    wire,
    msg: message.id,
    share: 'shareKey' in body ? body.shareKey : undefined,
    // Plain literals: a spread here made every send measurably slower.
    data: held
      ? { body: body.kind, to, chanSeq: message.chanSeq, queued: true }
      : { body: body.kind, to, chanSeq: message.chanSeq },
  });
}

/** HLT-1: an applied update counts on its connection, with how long it took to arrive. */
export function countApplied(c: PartnerNetworkConnection, now: number, lagMs: number) {
  c.stats.lastActivity = now;
  c.stats.lastLagMs = lagMs;
  c.stats.totalLagMs += lagMs;
  c.stats.appliedUpdates++;
}
