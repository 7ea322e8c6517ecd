import { sendMessage, type PlanTarget } from '../plan/applyOp.ts';
import type { UpdateSink } from '../rules/sync.ts';
import type { PartnerNetworkConnection } from '../state/connection.ts';
import type { MessageBody } from '../state/network.ts';
import type { OrgState } from '../state/org.ts';

/** The sink the sync kernel hands to the rules' `sendUpdates`: each update goes out at once. */
export class DirectSends implements UpdateSink {
  constructor(private readonly target: PlanTarget) {}

  send(org: OrgState, pnc: PartnerNetworkConnection, body: MessageBody) {
    sendMessage(this.target, org.id, pnc.partnerOrg, pnc.wire, body, 0);
  }
}
