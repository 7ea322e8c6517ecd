import type { Command } from '../commands/command.ts';
import { getField } from '../domain/index.ts';
import { CONDITION_OPERATORS } from '../org/condition.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { OrgState, RoleGroup, SharingRule, User } from '../state/org.ts';
import { requireAdmin } from './access.ts';

type AddRule = Extract<Command, { type: 'sharingRule.add' }>;

function groupProblem(
  org: OrgState,
  g: { roleId: string } | undefined,
  what: string,
): string | null {
  if (!g || typeof g.roleId !== 'string') return `${what} needs a role.`;
  return org.roles[g.roleId] ? null : `${what}: there is no role ${g.roleId} in ${org.name}.`;
}

/** SHR-1: a sharing rule of the receiving org, one of the things that decide who sees a record. */
export function sharingRuleCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: AddRule,
): Plan | Refusal {
  const notAdmin = requireAdmin(u, 'SHR-1');
  if (notAdmin) return notAdmin;
  if (!org.schema[cmd.object]) return refuse('SHR-1', `${org.name} has no object ${cmd.object}.`);
  const name = cmd.name.trim();
  if (!name) return refuse('SHR-1', 'A sharing rule needs a name.');
  if (cmd.accessLevel !== 'Read' && cmd.accessLevel !== 'Edit')
    return refuse('SHR-1', 'Access is Read (Read Only) or Edit (Read/Write).');
  const withWhom = groupProblem(org, cmd.sharedWith, 'Share with');
  if (withWhom) return refuse('SHR-1', withWhom);
  if (!cmd.owners === !cmd.criteria)
    return refuse('SHR-1', 'A sharing rule is based on record owners or on criteria: give one.');
  if (cmd.owners) {
    const owners = groupProblem(org, cmd.owners, 'Owned by');
    if (owners) return refuse('SHR-1', owners);
  }
  if (cmd.criteria) {
    if (!getField(org.schema, cmd.object, cmd.criteria.field))
      return refuse('SHR-1', `${cmd.object} has no field ${cmd.criteria.field}.`);
    if (!CONDITION_OPERATORS.has(cmd.criteria.operator))
      return refuse('SHR-1', 'The operator must be equals, contains or isBlank.');
  }
  const b = new PlanBuilder(ctx);
  const id = b.newId(org, '02c');
  const group = (g: { roleId: string; includeSubordinates?: boolean }): RoleGroup => ({
    roleId: g.roleId,
    includeSubordinates: !!g.includeSubordinates,
  });
  const rule: SharingRule = {
    Id: id,
    Name: name,
    object: cmd.object,
    accessLevel: cmd.accessLevel,
    sharedWith: group(cmd.sharedWith),
    ...(cmd.owners ? { owners: group(cmd.owners) } : { criteria: { ...cmd.criteria! } }),
  };
  b.push({ op: 'patchOrg', org: org.id, patch: { sharingRules: [...org.sharingRules, rule] } });
  b.log({
    kind: 'info',
    org: org.id,
    rule: 'SHR-1',
    text: `sharing rule ${name} on ${cmd.object}: ${cmd.accessLevel === 'Edit' ? 'Read/Write' : 'Read Only'} for ${org.roles[cmd.sharedWith.roleId]!.Name}${cmd.sharedWith.includeSubordinates ? ' and subordinates' : ''}`,
  });
  return b.build({ id });
}
