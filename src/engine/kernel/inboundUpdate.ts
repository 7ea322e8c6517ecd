import { connectionUserId } from '../org/newOrg.ts';
import { sourceFor, stampFor } from '../org/interned.ts';
import { rowOf, tableOf } from '../org/recordTables.ts';
import { writeFields } from '../org/recordWrites.ts';
import { applyOp, countApplied, type PlanTarget } from '../plan/applyOp.ts';
import type { RuleContext } from '../plan/plan.ts';
import { connectionOnWire } from '../rules/inbound.ts';
import { mapInbound } from '../rules/inboundMapping.ts';
import { applyLine, overwrittenEdits } from '../rules/sharedRecords.ts';
import { changedFields, isActiveShare, sendUpdates, type UpdateSink } from '../rules/sync.ts';
import { checkRecordAt } from '../rules/validation.ts';
import type { Message } from '../state/network.ts';
import type { OrgState } from '../state/org.ts';
import { isPlainSave } from './plainSave.ts';

/**
 * A partner's update of an active share, applied at once: the sync kernel's half for an
 * arrival (SYNC-1, SYNC-2, SYNC-6, SYNC-7, HLT-1). It maps and checks the values with the
 * rules' own functions, then writes, counts, logs (the rules' own apply line, naming a
 * concurrent edit it overwrites: SYNC-3) and passes on what `applyUpdate`'s plan would. A
 * duplicate, a share not active, a mapping or value the receiver refuses (SYNC-5),
 * last-writer-wins, or a formula or automation to run returns false before anything changed,
 * and the general rules handle the message.
 */
export function inboundUpdate(
  target: PlanTarget,
  sends: UpdateSink,
  ctx: RuleContext,
  org: OrgState,
  m: Message,
): boolean {
  const body = m.body;
  if (body.kind !== 'RecordUpdated' || m.duplicate) return false;
  if (ctx.settings.conflictResolution === 'lastWriterWins') return false;
  const pnc = connectionOnWire(org, m.wire);
  if (!pnc || pnc.ConnectionStatus !== 'Accepted') return false;
  const p = org.shareIndex[body.shareKey];
  const id = p?.LocalRecordId;
  if (!p || !id || !isActiveShare(p)) return false;
  const t = tableOf(org, id);
  const row = rowOf(id);
  if (!t || t.Id[row] !== id) return false;
  const mapped = mapInbound(org, pnc, p.partnerObject, body.changes);
  if (!mapped.ok || !checkRecordAt(org, t, row, mapped.values).ok) return false;
  const overwrote = overwrittenEdits(org, pnc, p, t, row, mapped.values, body);
  const w = changedFields(t, row, mapped.values);
  if (!isPlainSave(org, w)) return false;

  const now = target.state.now;
  if (w.count) {
    target.touchRecord(org.id, w.recordId);
    const stamp = stampFor(body.editedAt, body.origin, pnc.Id);
    const source = sourceFor({ by: connectionUserId(org.idTag), via: pnc.Id });
    writeFields(org, t, row, w.values, stamp, source, now);
  }
  if (p.state !== 'synced' || p.lastError)
    applyOp(target, {
      op: 'putRecordConnection',
      org: org.id,
      pnrc: { ...p, state: 'synced', lastError: null },
    });
  target.markOrgChanged(org.id);
  countApplied(pnc, now, now - body.editedAt);
  // Pushed whole: through the log's general entry point its reads would see every kind of line.
  const log = target.state.log;
  log.push(applyLine(org, pnc, p, m, w, undefined, overwrote, log.length, now));
  // No echo (SYNC-6): the message carries the origin the rules' own sends are given.
  sendUpdates(sends, org, w, body, ctx.settings.suppressEcho ? p : undefined);
  return true;
}
