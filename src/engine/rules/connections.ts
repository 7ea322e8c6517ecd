import { flatKey } from '../sim/flatKey.ts';
import { recordOf } from '../org/recordCopies.ts';
import type { Command } from '../commands/command.ts';
import { connectionTable, nextConnectionStatus, type ConnectionEvent } from '../machines/states.ts';
import { PlanBuilder, refuse, type Plan, type Refusal, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { MessageBody } from '../state/network.ts';
import type { OrgState, User } from '../state/org.ts';
import { requireManageConnections, requireS2S } from './access.ts';
import { withActivity } from './connectionHistory.ts';

type ConnectionCommand = Extract<
  Command,
  {
    type:
      | 'connection.invite'
      | 'connection.accept'
      | 'connection.decline'
      | 'connection.decideLater'
      | 'connection.cancel'
      | 'connection.resend'
      | 'connection.deactivate';
  }
>;

const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;
export const LIVE = new Set(['Pending', 'Sent', 'Received', 'Accepted']);

export function step(pnc: PartnerNetworkConnection, event: ConnectionEvent) {
  return nextConnectionStatus(pnc.ConnectionStatus, event);
}

export function connectionCommand(
  ctx: RuleContext,
  org: OrgState,
  u: User,
  cmd: ConnectionCommand,
): Plan | Refusal {
  const e = requireS2S(org) ?? requireManageConnections(u, 'manage connections');
  if (e) return e;
  const b = new PlanBuilder(ctx);
  if (cmd.type === 'connection.invite') return invite(b, org, u, cmd);
  const pnc = org.connections[cmd.connectionId];
  if (!pnc) return refuse('CONN-2', `There is no connection ${cmd.connectionId} in ${org.name}.`);
  const now = ctx.now;
  const event: Record<string, ConnectionEvent> = {
    'connection.accept': 'ACCEPT',
    'connection.decline': 'DECLINE',
    'connection.decideLater': 'DECIDE_LATER',
    'connection.cancel': 'CANCEL_INVITATION',
    'connection.resend': 'RESEND',
    'connection.deactivate': 'DEACTIVATE',
  };
  const to = step(pnc, event[cmd.type]!);
  if (!to) {
    const why: Record<string, string> = {
      'connection.accept': 'Only an invitation received can be accepted.',
      'connection.decline': 'Only an invitation received can be declined.',
      'connection.decideLater': 'Only an invitation received can wait for a decision.',
      'connection.cancel': 'Only an invitation you sent and nobody has decided can be cancelled.',
      'connection.resend': 'Only an invitation you sent and nobody has decided can be resent.',
      'connection.deactivate':
        pnc.ConnectionStatus === 'Inactive'
          ? 'This connection is already inactive; a deactivated connection cannot be reactivated. Send a new invitation instead.'
          : 'Only an active connection can be deactivated.',
    };
    const rule = cmd.type === 'connection.deactivate' ? 'CONN-6' : 'CONN-3';
    return refuse(rule, `${why[cmd.type]} (${pnc.ConnectionName} is ${pnc.ConnectionStatus}.)`);
  }
  if (
    cmd.type === 'connection.accept' &&
    cmd.accountId &&
    recordOf(org, cmd.accountId)?.object !== 'Account'
  )
    return refuse('CONN-1', `${cmd.accountId} is not an Account.`);
  const d = decision(org, u, pnc, cmd, now);
  if (d.history !== null)
    b.push({
      op: 'putConnection',
      org: org.id,
      pnc: withActivity(pnc, now, d.history, { ConnectionStatus: to, ...d.patch }),
    });
  if (cmd.type === 'connection.deactivate') endRecordShares(b, org, pnc);
  if (d.body) b.send(org, pnc, d.body);
  b.log({
    kind: d.body && cmd.type !== 'connection.resend' ? 'state' : 'info',
    org: org.id,
    conn: pnc.Id,
    wire: pnc.wire,
    rule: d.rule,
    text: d.text,
  });
  return b.build({ id: pnc.Id });
}

/** What each decision on a connection writes, sends and says (CONN-3, CONN-6). */
function decision(
  org: OrgState,
  u: User,
  pnc: PartnerNetworkConnection,
  cmd: Exclude<ConnectionCommand, { type: 'connection.invite' }>,
  now: number,
): {
  history: string | null;
  patch: Partial<PartnerNetworkConnection>;
  body: MessageBody | null;
  rule: string;
  text: string;
} {
  const name = pnc.ConnectionName;
  switch (cmd.type) {
    case 'connection.accept':
      return {
        history: 'Invitation accepted',
        patch: { ResponseDate: now, AccountId: cmd.accountId ?? pnc.AccountId },
        body: { kind: 'Decision', accepted: true, partnerName: org.name },
        rule: 'CONN-3',
        text: `${u.Name} accepted the invitation from ${name}`,
      };
    case 'connection.decline':
      return {
        history: 'Invitation declined',
        patch: { ResponseDate: now },
        body: { kind: 'Decision', accepted: false, partnerName: org.name },
        rule: 'CONN-3',
        text: `${u.Name} declined the invitation from ${name}`,
      };
    case 'connection.decideLater':
      return {
        history: null,
        patch: {},
        body: null,
        rule: 'CONN-3',
        text: `${u.Name} will decide later on ${name}`,
      };
    case 'connection.cancel':
      return {
        history: 'Invitation cancelled',
        patch: {},
        body: { kind: 'InvitationCancelled' },
        rule: 'CONN-3',
        text: `${u.Name} cancelled the invitation to ${name}`,
      };
    case 'connection.resend':
      return {
        history: 'Invitation resent',
        patch: {},
        body: {
          kind: 'Invitation',
          inviterName: org.name,
          inviterEmail: org.s2s.fromAddress,
          toEmail: '',
        },
        rule: 'CONN-3',
        text: `${u.Name} resent the invitation to ${name}`,
      };
    case 'connection.deactivate':
      return {
        history: `Connection deactivated by ${u.Name}`,
        patch: {},
        body: { kind: 'Deactivated' },
        rule: 'CONN-6',
        text: `${u.Name} deactivated the connection with ${name}`,
      };
  }
}

function invite(
  b: PlanBuilder,
  org: OrgState,
  u: User,
  cmd: Extract<Command, { type: 'connection.invite' }>,
): Plan | Refusal {
  const contact = recordOf(org, cmd.contactId);
  if (!contact || contact.object !== 'Contact')
    return refuse(
      'CONN-1',
      `Pick a Contact to invite; ${cmd.contactId} is not a Contact of ${org.name}.`,
    );
  const accountId = contact.fields.AccountId as string | null;
  const account = accountId ? recordOf(org, accountId) : undefined;
  if (!account)
    return refuse('CONN-1', 'The Contact must belong to an Account for the partner company.');
  const email = String(contact.fields.Email ?? '');
  const m = EMAIL.exec(email);
  if (!m)
    return refuse(
      'CONN-1',
      `The Contact needs a valid email address to receive the invitation (has "${email}").`,
    );
  const owner = org.users[cmd.ownerId ?? u.Id];
  if (!owner || owner.system || !owner.IsActive)
    return refuse('CONN-1', 'The Connection Owner must be an active user of this org.');
  const partner = b.ctx.orgForDomain(m[1]!);
  if (!partner)
    return refuse(
      'CONN-1',
      `No org in this sandbox receives mail for ${m[1]}; the invitation would go nowhere.`,
    );
  if (partner === org.id) return refuse('CONN-4', 'An org cannot connect to itself.');
  const existing = Object.values(org.connections).find(
    (c) => c.partnerOrg === partner && LIVE.has(c.ConnectionStatus),
  );
  if (existing)
    return refuse(
      'CONN-4',
      `There is already a connection with this org (${existing.ConnectionName}, ${existing.ConnectionStatus}); at most one connection joins two orgs.`,
    );
  const name = (cmd.name ?? String(account.fields.Name ?? '')).trim();
  if (!name || name.length > 295)
    return refuse('CONN-1', 'The connection name must be 1 to 295 characters.');
  if (cmd.templateId && !org.s2s.templates[cmd.templateId])
    return refuse('CONN-8', `There is no connection template ${cmd.templateId}.`);
  const id = b.newId(org, '0CN');
  const now = b.ctx.now;
  const pnc: PartnerNetworkConnection = {
    Id: id,
    ConnectionName: name,
    ConnectionStatus: connectionTable.next('New', 'SEND_INVITE') as 'Pending',
    AccountId: account.Id,
    ContactId: contact.Id,
    PrimaryContactId: owner.Id,
    CreatedDate: now,
    ResponseDate: null,
    // The wire id comes from the inviter's PNC id: unique, and a refused command uses none.
    wire: flatKey(`W-${id}`),
    partnerOrg: partner,
    inviter: true,
    templateId: cmd.templateId ?? null,
    publications: {},
    partnerPublications: {},
    subscriptions: {},
    partnerSubscriptions: [],
    history: [{ at: now, text: `Invitation sent to ${email} by ${u.Name}` }],
    stats: {
      lastActivity: now,
      lastLagMs: null,
      totalLagMs: 0,
      appliedUpdates: 0,
      failedUpdates: 0,
    },
  };
  b.push({ op: 'putConnection', org: org.id, pnc });
  b.send(org, pnc, {
    kind: 'Invitation',
    inviterName: org.name,
    inviterEmail: org.s2s.fromAddress,
    toEmail: email,
  });
  b.log({
    kind: 'state',
    org: org.id,
    conn: id,
    wire: pnc.wire,
    rule: 'CONN-1',
    text: `${u.Name} invited ${name} (${email}); status Pending until it arrives`,
  });
  return b.build({ id });
}

/** CONN-6: accepted copies stay and stop syncing; records forwarded but not accepted are removed on the receiver. */
export function endRecordShares(b: PlanBuilder, org: OrgState, pnc: PartnerNetworkConnection) {
  for (const id in org.recordConnections) {
    const p = org.recordConnections[id]!;
    if (p.ConnectionId !== pnc.Id) continue;
    if (p.state === 'pending' && p.side === 'receiver') {
      b.push({
        op: 'putRecordConnection',
        org: org.id,
        pnrc: { ...p, state: 'rejected', EndDate: b.ctx.now, pending: null },
      });
      b.log({
        kind: 'state',
        org: org.id,
        conn: pnc.Id,
        share: p.shareKey,
        rule: 'CONN-6',
        text: `pending ${p.object} ${p.shareKey} removed: the connection was deactivated`,
      });
    } else if (['pending', 'accepted', 'synced', 'updating', 'failed'].includes(p.state)) {
      b.push({
        op: 'putRecordConnection',
        org: org.id,
        pnrc: { ...p, state: 'stopped', EndDate: b.ctx.now },
      });
    }
  }
}
