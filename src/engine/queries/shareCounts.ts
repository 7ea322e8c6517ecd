import { isRecordShareFinal } from '../machines/states.ts';
import type { PartnerNetworkRecordConnection } from '../state/recordConnection.ts';
import type { SandboxState } from '../state/sandboxState.ts';

export interface ShareCount {
  /** Records shared on live connections, sent or received and accepted. */
  shared: number;
  /** Records waiting in the org's "from Connections" lists (REC-2). */
  waiting: number;
}

type Kind = keyof ShareCount | null;

function kindOf(p: PartnerNetworkRecordConnection | undefined): Kind {
  if (!p) return null;
  if (p.state === 'pending') return p.side === 'receiver' && p.pending ? 'waiting' : null;
  return isRecordShareFinal(p.state) ? null : 'shared';
}

/**
 * How many records each org shares and has waiting, kept as PNRCs are put and deleted, so the
 * canvas's counts (rebuilt every frame something lands) cost nothing per share.
 */
export class ShareCounts {
  private readonly counts = new Map<string, ShareCount>();

  constructor(state: SandboxState) {
    for (const org of state.orgOrder) {
      const pnrcs = state.orgs[org]!.recordConnections;
      for (const id in pnrcs) this.changed(org, undefined, pnrcs[id]);
    }
  }

  /** A PNRC of `org` went from `before` to `after` (either absent when made or deleted). */
  changed(
    org: string,
    before: PartnerNetworkRecordConnection | undefined,
    after: PartnerNetworkRecordConnection | undefined,
  ) {
    const was = kindOf(before);
    const is = kindOf(after);
    if (was === is) return;
    let c = this.counts.get(org);
    if (!c) this.counts.set(org, (c = { shared: 0, waiting: 0 }));
    if (was) c[was]--;
    if (is) c[is]++;
  }

  of(org: string): ShareCount {
    const c = this.counts.get(org);
    return c ? { ...c } : { shared: 0, waiting: 0 };
  }
}
