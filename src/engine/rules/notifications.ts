import type { Command } from '../commands/command.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { OrgState, User } from '../state/org.ts';
import { isAdmin } from './access.ts';

type MarkRead = Extract<Command, { type: 'notification.markRead' }>;

/**
 * HLT-2: the org's inbox standing for email. A user marks their own notifications read; an
 * admin may mark anyone's, as an admin reads a shared mailbox.
 */
export function markNotificationsRead(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: MarkRead,
): Plan | Refusal {
  const wanted = new Set(cmd.indexes);
  for (const i of wanted) {
    const n = org.notifications[i];
    if (!n) return refuse('HLT-2', `There is no notification ${i}.`);
    if (n.to !== u.Id && !isAdmin(u))
      return refuse('HLT-2', `Notification ${i} is addressed to someone else.`);
  }
  const b = new PlanBuilder(ctx);
  b.push({
    op: 'patchOrg',
    org: org.id,
    patch: {
      notifications: org.notifications.map((n, i) => (wanted.has(i) ? { ...n, read: true } : n)),
    },
  });
  return b.build();
}
