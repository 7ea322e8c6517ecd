import type { Command } from '../commands/command.ts';
import { getField } from '../domain/index.ts';
import { CONDITION_OPERATORS } from '../org/condition.ts';
import { ownerProblem, queueable } from '../org/owners.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { AssignmentRule, OrgState, Queue, User } from '../state/org.ts';
import { requireAdmin } from './access.ts';

type QueueCommand = Extract<Command, { type: 'queue.create' | 'assignmentRule.set' }>;

/** Setup of the owners a received record can get on accept besides a user (REC-2). */
export function queueCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: QueueCommand,
): Plan | Refusal {
  const notAdmin = requireAdmin(u, 'REC-2');
  if (notAdmin) return notAdmin;
  return cmd.type === 'queue.create' ? createQueue(ctx, org, cmd) : setRule(ctx, org, cmd);
}

function createQueue(
  ctx: RuleContext,
  org: OrgState,
  cmd: Extract<QueueCommand, { type: 'queue.create' }>,
): Plan | Refusal {
  const name = cmd.name.trim();
  if (!name || name.length > 80)
    return refuse('REC-2', 'A queue needs a name of 1 to 80 characters.');
  if (Object.values(org.queues).some((q) => q.Name === name))
    return refuse('REC-2', `There is already a queue called ${name}.`);
  if (!cmd.objects.length) return refuse('REC-2', 'A queue takes records of at least one object.');
  for (const o of cmd.objects) {
    if (!org.schema[o]) return refuse('REC-2', `${org.name} has no object ${o}.`);
    if (!queueable(o))
      return refuse(
        'REC-2',
        `A queue cannot own ${o} records: only Leads, Cases and custom objects.`,
      );
  }
  const members = [...new Set(cmd.members ?? [])];
  for (const m of members) {
    const user = org.users[m];
    if (!user || user.system || !user.IsActive)
      return refuse('REC-2', `Queue member ${m} is not an active user of ${org.name}.`);
  }
  const b = new PlanBuilder(ctx);
  const id = b.newId(org, '00G');
  const queue: Queue = { Id: id, Name: name, objects: [...cmd.objects], members };
  b.push({ op: 'patchOrg', org: org.id, patch: { queues: { ...org.queues, [id]: queue } } });
  b.log({
    kind: 'info',
    org: org.id,
    rule: 'REC-2',
    text: `queue ${name} created for ${cmd.objects.join(', ')} with ${members.length} member(s)`,
  });
  return b.build({ id });
}

function setRule(
  ctx: RuleContext,
  org: OrgState,
  cmd: Extract<QueueCommand, { type: 'assignmentRule.set' }>,
): Plan | Refusal {
  if (cmd.object !== 'Lead' && cmd.object !== 'Case')
    return refuse('REC-2', 'Assignment rules exist for Leads and Cases only.');
  const name = cmd.name.trim();
  if (!name) return refuse('REC-2', 'An assignment rule needs a name.');
  if (!cmd.entries.length) return refuse('REC-2', 'An assignment rule needs at least one entry.');
  for (const [i, e] of cmd.entries.entries()) {
    const at = `Entry ${i + 1}`;
    if (!getField(org.schema, cmd.object, e.field))
      return refuse('REC-2', `${at}: ${cmd.object} has no field ${e.field}.`);
    if (!CONDITION_OPERATORS.has(e.operator))
      return refuse('REC-2', `${at}: the operator must be equals, contains or isBlank.`);
    const why = ownerProblem(org, e.assignTo, cmd.object);
    if (why) return refuse('REC-2', `${at}: ${why}`);
  }
  const b = new PlanBuilder(ctx);
  const id = b.newId(org, '01Q');
  const rule: AssignmentRule = {
    Id: id,
    Name: name,
    object: cmd.object,
    entries: cmd.entries.map((e) => ({ ...e })),
  };
  // One rule per object is active, as in Setup: setting one replaces the one before.
  b.push({
    op: 'patchOrg',
    org: org.id,
    patch: { assignmentRules: { ...org.assignmentRules, [cmd.object]: rule } },
  });
  b.log({
    kind: 'info',
    org: org.id,
    rule: 'REC-2',
    text: `${cmd.object} assignment rule ${name} is now active (${cmd.entries.length} entries)`,
  });
  return b.build({ id });
}
