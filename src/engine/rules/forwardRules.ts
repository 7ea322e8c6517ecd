import type { Command } from '../commands/command.ts';
import { namedRecord } from '../org/recordName.ts';
import { getField, isParentObject } from '../domain/index.ts';
import { CONDITION_OPERATORS, conditionHolds } from '../org/condition.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { ForwardRule } from '../state/forwardRule.ts';
import type { OrgState, SObjectRecord, User } from '../state/org.ts';
import { requireManageConnections, requireS2S } from './access.ts';
import { insertPnrc, liveShare } from './forwarding.ts';

type RuleCommand = Extract<Command, { type: 'automationRule.add' | 'automationRule.remove' }>;

const WHEN = new Set(['created', 'updated', 'createdOrUpdated']);

/** Setup of automation rules: who may, and whether the rule names real things (EN-2, PERM-1). */
export function forwardRuleCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: RuleCommand,
): Plan | Refusal {
  const off = requireS2S(org) ?? requireManageConnections(u, 'manage automation rules');
  if (off) return off;
  const rules = org.forwardRules ?? [];
  const b = new PlanBuilder(ctx);
  if (cmd.type === 'automationRule.remove') {
    const rule = rules.find((r) => r.Id === cmd.id);
    if (!rule) return refuse('FWD-4', `There is no automation rule ${cmd.id}.`);
    b.push({
      op: 'patchOrg',
      org: org.id,
      patch: { forwardRules: rules.filter((r) => r !== rule) },
    });
    b.log({ kind: 'info', org: org.id, text: `automation rule "${rule.Name}" removed` });
    return b.build({ id: rule.Id });
  }
  const r = cmd.rule;
  if (!r || typeof r !== 'object') return refuse('API', 'automationRule.add needs a rule.');
  if (!String(r.Name ?? '').trim()) return refuse('FWD-4', 'An automation rule needs a name.');
  if (!org.schema[r.object]) return refuse('FWD-4', `There is no object ${r.object}.`);
  if (!WHEN.has(r.when))
    return refuse('FWD-4', 'Run the rule when a record is created, updated, or either.');
  const pnc = org.connections[r.connectionId];
  if (!pnc) return refuse('FWD-4', `There is no connection ${r.connectionId}.`);
  const c = r.condition ?? null;
  if (c) {
    if (!getField(org.schema, r.object, c.field))
      return refuse('FWD-4', `There is no field ${r.object}.${c.field}.`);
    if (!CONDITION_OPERATORS.has(c.operator))
      return refuse('FWD-4', 'The condition is equals, contains or is blank.');
  }
  const related = r.relatedObjects ?? [];
  for (const child of related) {
    const def = org.schema[child];
    if (!def || !isParentObject(def, r.object))
      return refuse('FWD-1', `${child} is not a child object of ${r.object}.`);
  }
  const id = b.newId(org, '01Q');
  const rule: ForwardRule = {
    Id: id,
    Name: String(r.Name).trim(),
    object: r.object,
    when: r.when,
    condition: c ? { field: c.field, operator: c.operator, value: c.value } : null,
    connectionId: pnc.Id,
    relatedObjects: related,
    sendEmail: r.sendEmail ?? false,
  };
  b.push({ op: 'patchOrg', org: org.id, patch: { forwardRules: [...rules, rule] } });
  b.log({
    kind: 'info',
    org: org.id,
    conn: pnc.Id,
    rule: 'FWD-4',
    text: `automation rule "${rule.Name}" added: ${rule.object} records saved are forwarded to ${pnc.ConnectionName}`,
  });
  return b.build({ id });
}

/**
 * Runs the org's automation rules on a record just saved, inside the same plan (so replay
 * and previews see the same forward). `rec` holds the values after the save. Rules run in
 * system context (no PERM-2), as triggers and Flows do. A refusal does not undo the save: it
 * is logged, listed as a failure in Health and sent to the connection owner (HLT-1, HLT-2).
 */
export function fireForwardRules(
  b: PlanBuilder,
  org: OrgState,
  u: User,
  rec: SObjectRecord,
  event: 'created' | 'updated',
) {
  const rules = org.forwardRules;
  if (!rules?.length) return;
  const planned = new Map<string, string>();
  for (const r of rules) {
    if (r.object !== rec.object) continue;
    if (r.when !== 'createdOrUpdated' && r.when !== event) continue;
    if (r.condition && !conditionHolds(r.condition, rec.fields[r.condition.field])) continue;
    const pnc = org.connections[r.connectionId];
    // A record already shared on the connection keeps syncing; nothing to forward again.
    if (pnc && liveShare(org, rec.Id, pnc.Id, planned)) continue;
    // A child goes under its parent when the parent is shared there (FWD-2), else alone (FWD-3).
    const link = org.schema[rec.object]?.parent?.field;
    const parentId = link ? (rec.fields[link] as string | null | undefined) : null;
    const parentShared = !!(pnc && parentId && liveShare(org, parentId, pnc.Id, planned));
    b.log({
      kind: 'info',
      org: org.id,
      record: rec.Id,
      conn: r.connectionId,
      rule: 'FWD-4',
      text: `automation rule "${r.Name}": ${rec.object} ${rec.Id} was ${event}${r.condition ? ` and ${r.condition.field} matched` : ''}, so it is forwarded to ${pnc?.ConnectionName ?? r.connectionId}`,
    });
    const made = insertPnrc(
      b,
      org,
      u,
      {
        ConnectionId: r.connectionId,
        LocalRecordId: rec.Id,
        ParentRecordId: parentShared ? parentId : null,
        RelatedRecords: r.relatedObjects.join(','),
        SendEmails: r.sendEmail,
      },
      planned,
      { record: rec, system: true },
    );
    if (!('refused' in made)) continue;
    const reason = `automation rule "${r.Name}" could not forward ${rec.object} ${namedRecord(org, rec.Id)}: ${made.reason}`;
    b.log({
      kind: 'info',
      org: org.id,
      record: rec.Id,
      conn: r.connectionId,
      rule: made.rule,
      text: reason,
    });
    if (!pnc) continue;
    b.push({
      op: 'failure',
      org: org.id,
      failure: {
        at: b.ctx.now,
        connectionId: pnc.Id,
        recordId: rec.Id,
        shareKey: '',
        reason,
        rule: made.rule,
      },
    });
    b.notify(org, {
      to: pnc.PrimaryContactId,
      connectionId: pnc.Id,
      kind: 'syncFailure',
      text: reason,
    });
  }
}
