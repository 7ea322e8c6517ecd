import { PlanBuilder, type Plan, type RuleContext } from '../plan/plan.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { Message } from '../state/network.ts';
import type { OrgState } from '../state/org.ts';
import { connectionInbound } from './connectionInbound.ts';
import { recordForwardedInbound } from './inbox.ts';
import { publicationInbound } from './publishing.ts';
import { sharedRecordInbound } from './sharedRecords.ts';

/**
 * Routes a delivered message to the rule that handles it. The handler sees only the
 * receiving org and the message: orgs never read each other's state.
 */
export function handleInbound(ctx: RuleContext, org: OrgState, m: Message): Plan {
  const pnc = connectionOnWire(org, m.wire);
  switch (m.body.kind) {
    case 'Invitation':
    case 'InvitationDelivered':
    case 'InvitationCancelled':
    case 'Decision':
    case 'Deactivated':
      return connectionInbound(ctx, org, pnc, m);
  }
  if (!pnc || pnc.ConnectionStatus !== 'Accepted')
    return new PlanBuilder(ctx)
      .log({
        kind: 'ignored',
        org: org.id,
        wire: m.wire,
        msg: m.id,
        rule: 'CONN-6',
        text: `${m.body.kind} ignored: the connection is ${pnc?.ConnectionStatus ?? 'unknown'} here`,
      })
      .build();
  switch (m.body.kind) {
    case 'PublicationChanged':
    case 'SubscriptionChanged':
      return publicationInbound(ctx, org, pnc, m);
    case 'RecordForwarded':
      return recordForwardedInbound(ctx, org, pnc, m);
    default:
      return sharedRecordInbound(ctx, org, pnc, m);
  }
}

/** The org's end of the connection a message travelled on, if it still has one. */
export function connectionOnWire(
  org: OrgState,
  wire: string,
): PartnerNetworkConnection | undefined {
  for (const id in org.connections) {
    const c = org.connections[id]!;
    if (c.wire === wire) return c;
  }
  return undefined;
}
