import type { Command } from '../commands/command.ts';
import { sourceFor, stampFor } from '../org/interned.ts';
import { rowOf, tableOf } from '../org/recordTables.ts';
import { writeFields } from '../org/recordWrites.ts';
import type { PlanTarget } from '../plan/applyOp.ts';
import { canEditRow, fieldHidden } from '../rules/access.ts';
import { changedFields, sendUpdates, type UpdateSink } from '../rules/sync.ts';
import { checkRecordAt, checkValues } from '../rules/validation.ts';
import { isPlainSave } from './plainSave.ts';

/**
 * A user's `record.update`, applied at once: the sync kernel's half for an edit. The checks
 * are the rules' own (acting user, PERM-2, values, SHR-2, required fields and validation
 * rules); it writes and sends what `updateRecord`'s plan would. Anything else (a refusal, a
 * formula or an automation to run) returns false before anything changed, and the command
 * goes to the general rules.
 */
export function localEdit(target: PlanTarget, sends: UpdateSink, cmd: Command): boolean {
  if (cmd.type !== 'record.update') return false;
  const org = target.state.orgs[cmd.org];
  if (!org || org.offline || typeof cmd.values !== 'object' || cmd.values === null) return false;
  const u = org.users[cmd.as];
  if (!u || u.system || !u.IsActive) return false;
  const t = tableOf(org, cmd.id);
  const row = rowOf(cmd.id);
  if (!t || t.Id[row] !== cmd.id || !canEditRow(org, u, t, row)) return false;
  const checked = checkValues(org, t.object, cmd.values);
  if (!checked.ok) return false;
  for (const f in checked.values) if (fieldHidden(org, u, t.object, f)) return false;
  if (!checkRecordAt(org, t, row, checked.values).ok) return false;
  const w = changedFields(t, row, checked.values);
  if (!isPlainSave(org, w)) return false;
  const now = target.state.now;
  const stamp = stampFor(now, org.id);
  if (w.count) {
    target.touchRecord(org.id, w.recordId);
    writeFields(org, t, row, w.values, stamp, sourceFor({ by: u.Id }), now);
  }
  sendUpdates(sends, org, w, stamp);
  return true;
}
