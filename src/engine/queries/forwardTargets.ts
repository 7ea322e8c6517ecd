import { forwardsOn } from '../rules/forwarding.ts';
import type { OrgState } from '../state/org.ts';
import { connectionsView } from './orgViews.ts';

/**
 * FWD-2: the connections a Forward to Connection(s) dialog offers (Accepted ones), and the
 * others, which it names with their status instead of offering them.
 */
export function forwardTargets(org: OrgState) {
  const all = connectionsView(org);
  return {
    offered: all.filter((c) => forwardsOn(c)),
    notOffered: all.filter((c) => !forwardsOn(c)),
  };
}
