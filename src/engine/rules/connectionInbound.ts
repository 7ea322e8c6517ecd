import { PlanBuilder, type Plan, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { Message } from '../state/network.ts';
import type { OrgState } from '../state/org.ts';
import { withActivity } from './connectionHistory.ts';
import { endRecordShares, LIVE, step } from './connections.ts';
import { adminOf, newReceivedConnection } from './orgAdmin.ts';
import { templatePublicationChange } from './publishing.ts';

/** Messages about the connection itself, as the receiving org handles them. */
export function connectionInbound(
  ctx: RuleContext,
  org: OrgState,
  pnc: PartnerNetworkConnection | undefined,
  m: Message,
): Plan {
  const b = new PlanBuilder(ctx);
  const now = ctx.now;
  const body = m.body;
  const ignore = (why: string) =>
    b.log({ kind: 'ignored', org: org.id, wire: m.wire, msg: m.id, text: why }).build();
  /** The connection moved to a new status because of the partner: record, then say so. */
  const moved = (
    p: PartnerNetworkConnection,
    history: string,
    patch: Partial<PartnerNetworkConnection>,
    rule: string,
    text: string,
  ) => {
    b.push({ op: 'putConnection', org: org.id, pnc: withActivity(p, now, history, patch) });
    return b.log({ kind: 'state', org: org.id, conn: p.Id, rule, text }).build();
  };
  switch (body.kind) {
    case 'Invitation': {
      if (pnc) {
        const to = step(pnc, 'RECEIVE_INVITATION');
        return to
          ? b
              .log({
                kind: 'info',
                org: org.id,
                conn: pnc.Id,
                text: `invitation from ${body.inviterName} received again`,
              })
              .build()
          : ignore('invitation for a connection already decided');
      }
      if (!org.s2s.enabled) {
        if (org.waitingInvitations.some((w) => w.wire === m.wire))
          return ignore('invitation already waiting');
        b.push({
          op: 'patchOrg',
          org: org.id,
          patch: {
            waitingInvitations: [
              ...org.waitingInvitations,
              {
                wire: m.wire,
                from: m.from,
                inviterName: body.inviterName,
                inviterEmail: body.inviterEmail,
                receivedAt: now,
              },
            ],
          },
        });
        b.notify(org, {
          to: adminOf(org),
          connectionId: null,
          kind: 'invitationReceived',
          text: `${body.inviterName} invites ${body.toEmail} to connect. Enable Salesforce to Salesforce to accept it.`,
        });
        b.log({
          kind: 'info',
          org: org.id,
          wire: m.wire,
          rule: 'EN-2',
          text: `invitation from ${body.inviterName} waits: Salesforce to Salesforce is not enabled here`,
        });
        b.send(org, { partnerOrg: m.from, wire: m.wire } as PartnerNetworkConnection, {
          kind: 'InvitationDelivered',
        });
        return b.build();
      }
      const dup = Object.values(org.connections).find(
        (c) => c.partnerOrg === m.from && LIVE.has(c.ConnectionStatus),
      );
      const id = b.newId(org, '0CN');
      const fresh = newReceivedConnection(id, m.wire, m.from, body.inviterName, org, now);
      if (dup) {
        b.push({
          op: 'putConnection',
          org: org.id,
          pnc: { ...fresh, ConnectionStatus: 'Rejected', ResponseDate: now },
        });
        b.send(org, fresh, { kind: 'Decision', accepted: false, partnerName: org.name });
        return b
          .log({
            kind: 'state',
            org: org.id,
            conn: id,
            rule: 'CONN-4',
            text: `second invitation from ${body.inviterName} declined: a connection already exists`,
          })
          .build();
      }
      b.push({ op: 'putConnection', org: org.id, pnc: fresh });
      b.send(org, fresh, { kind: 'InvitationDelivered' });
      b.notify(org, {
        to: fresh.PrimaryContactId,
        connectionId: id,
        kind: 'invitationReceived',
        text: `${body.inviterName} invites you to connect.`,
      });
      return b
        .log({
          kind: 'state',
          org: org.id,
          conn: id,
          wire: m.wire,
          rule: 'CONN-2',
          text: `invitation from ${body.inviterName} received (Invitation Received)`,
        })
        .build();
    }
    case 'InvitationDelivered': {
      if (!pnc) return ignore('no such connection');
      const to = step(pnc, 'INVITE_DELIVERED');
      if (!to || to === pnc.ConnectionStatus)
        return ignore('invitation already delivered or decided');
      return moved(
        pnc,
        'Invitation delivered',
        { ConnectionStatus: to },
        'CONN-2',
        `invitation to ${pnc.ConnectionName} delivered: Invitation Sent`,
      );
    }
    case 'InvitationCancelled': {
      if (!pnc) {
        if (!org.waitingInvitations.some((w) => w.wire === m.wire))
          return ignore('no such invitation');
        b.push({
          op: 'patchOrg',
          org: org.id,
          patch: { waitingInvitations: org.waitingInvitations.filter((w) => w.wire !== m.wire) },
        });
        return b
          .log({
            kind: 'info',
            org: org.id,
            rule: 'CONN-3',
            text: 'a waiting invitation was cancelled by its sender',
          })
          .build();
      }
      const to = step(pnc, 'INVITATION_CANCELLED');
      if (!to) return ignore('cancellation arrived after the decision');
      return moved(
        pnc,
        'Invitation cancelled by the sender',
        { ConnectionStatus: to },
        'CONN-3',
        `${pnc.ConnectionName} cancelled its invitation`,
      );
    }
    case 'Decision': {
      if (!pnc) return ignore('no such connection');
      const to = step(pnc, body.accepted ? 'PARTNER_ACCEPTED' : 'PARTNER_DECLINED');
      if (!to) return ignore(`decision arrived for a connection that is ${pnc.ConnectionStatus}`);
      const word = body.accepted ? 'accepted' : 'declined';
      let next = withActivity(pnc, now, `Invitation ${word} by ${body.partnerName}`, {
        ConnectionStatus: to,
        ResponseDate: now,
      });
      b.notify(org, {
        to: pnc.PrimaryContactId,
        connectionId: pnc.Id,
        kind: 'invitationDecision',
        text: org.s2s.decisionTemplate
          .replace('{partner}', body.partnerName)
          .replace('{decision}', word),
      });
      if (body.accepted && pnc.templateId) {
        const t = org.s2s.templates[pnc.templateId];
        if (t) next = templatePublicationChange(b, org, next, t);
      }
      b.push({ op: 'putConnection', org: org.id, pnc: next });
      return b
        .log({
          kind: 'state',
          org: org.id,
          conn: pnc.Id,
          rule: 'CONN-3',
          text: `${body.partnerName} ${word} the invitation`,
        })
        .build();
    }
    case 'Deactivated': {
      if (!pnc) return ignore('no such connection');
      const to = step(pnc, 'PARTNER_DEACTIVATED');
      if (!to)
        return ignore(`deactivation arrived for a connection that is ${pnc.ConnectionStatus}`);
      b.push({
        op: 'putConnection',
        org: org.id,
        pnc: withActivity(pnc, now, 'Connection deactivated by the partner', {
          ConnectionStatus: to,
        }),
      });
      endRecordShares(b, org, pnc);
      b.notify(org, {
        to: pnc.PrimaryContactId,
        connectionId: pnc.Id,
        kind: 'connectionDeactivated',
        text: `${pnc.ConnectionName} deactivated the connection.`,
      });
      return b
        .log({
          kind: 'state',
          org: org.id,
          conn: pnc.Id,
          rule: 'CONN-6',
          text: `${pnc.ConnectionName} deactivated the connection`,
        })
        .build();
    }
    default:
      return ignore(`unexpected ${body.kind}`);
  }
}
