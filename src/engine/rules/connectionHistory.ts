import type { PartnerNetworkConnection } from '../state/connection.ts';

/** The connection with `patch` applied and one more line in its Connection History. */
export function withHistory(
  pnc: PartnerNetworkConnection,
  at: number,
  text: string,
  patch: Partial<PartnerNetworkConnection> = {},
): PartnerNetworkConnection {
  return { ...pnc, ...patch, history: [...pnc.history, { at, text }] };
}

/**
 * As `withHistory`, and the connection's last activity (HLT-1) is now: a status change or a
 * failed update is activity, a change of what is published is not.
 */
export function withActivity(
  pnc: PartnerNetworkConnection,
  at: number,
  text: string,
  patch: Partial<PartnerNetworkConnection> = {},
): PartnerNetworkConnection {
  const stats = { ...(patch.stats ?? pnc.stats), lastActivity: at };
  return withHistory(pnc, at, text, { ...patch, stats });
}
