import type { Command } from '../commands/command.ts';
import type { Plan, Refusal, RuleContext } from '../plan/plan.ts';
import type { OrgState } from '../state/org.ts';
import { actingUser, isRefused } from './access.ts';
import { connectionCommand } from './connections.ts';
import { forwardCommand } from './forwarding.ts';
import { inboxCommand } from './inbox.ts';
import { orgAdmin } from './orgAdmin.ts';
import { publishCommand } from './publishing.ts';
import { recordCommand } from './records.ts';
import { stopSharingCommand } from './sharedRecords.ts';
import { queueCommand } from './queues.ts';
import { sharingRuleCommand } from './sharingRules.ts';
import { markNotificationsRead } from './notifications.ts';
import { forwardRuleCommand } from './forwardRules.ts';

type OrgCommand = Extract<Command, { org: string; as: string }>;

/** A user's command inside one org: who acts, then the rule for what they do. */
export function handleOrgCommand(ctx: RuleContext, org: OrgState, cmd: Command): Plan | Refusal {
  if (!('as' in cmd))
    return { refused: true, rule: 'API', reason: `${cmd.type} needs "as": the acting user's Id.` };
  const c = cmd as OrgCommand;
  const u = actingUser(org, c.as);
  if (isRefused(u)) return u;
  switch (c.type) {
    case 'record.create':
    case 'record.update':
    case 'record.delete':
    case 'lead.convert':
      return recordCommand(ctx, org, u, c);
    case 'connection.invite':
    case 'connection.accept':
    case 'connection.decline':
    case 'connection.decideLater':
    case 'connection.cancel':
    case 'connection.resend':
    case 'connection.deactivate':
      return connectionCommand(ctx, org, u, c);
    case 'connection.publish':
    case 'connection.unpublish':
    case 'connection.subscribe':
    case 'connection.unsubscribe':
    case 'connection.applyTemplate':
      return publishCommand(ctx, org, u, c);
    case 'record.forward':
    case 'pnrc.insert':
    case 'pnrc.insertList':
      return forwardCommand(ctx, org, u, c);
    case 'inbox.accept':
    case 'inbox.reject':
      return inboxCommand(ctx, org, u, c);
    case 'sharing.stop':
    case 'pnrc.delete':
      return stopSharingCommand(ctx, org, u, c);
    case 'queue.create':
    case 'assignmentRule.set':
      return queueCommand(ctx, org, u, c);
    case 'sharingRule.add':
      return sharingRuleCommand(ctx, org, u, c);
    case 'automationRule.add':
    case 'automationRule.remove':
      return forwardRuleCommand(ctx, org, u, c);
    case 'notification.markRead':
      return markNotificationsRead(ctx, org, u, c);
    default:
      return orgAdmin(ctx, org, u, c);
  }
}
