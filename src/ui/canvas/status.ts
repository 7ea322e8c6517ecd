import type { ConnectionStatus } from '../../engine/machines/index.ts';
import { CONNECTION_STATUS_LABELS, CONNECTION_STATUSES } from '../../engine/machines/index.ts';

export interface StatusStyle {
  color: string;
  /** SVG stroke-dasharray, empty for a solid line. */
  dash: string;
}

/** Edge colours by connection status; the legend and the e2e tests read the same table. */
export const STATUS_STYLES: Readonly<Record<ConnectionStatus, StatusStyle>> = {
  Pending: { color: '#9050e9', dash: '6 6' },
  Sent: { color: '#dd7a01', dash: '10 6' },
  Received: { color: '#0176d3', dash: '10 6' },
  Accepted: { color: '#2e844a', dash: '' },
  Rejected: { color: '#ba0517', dash: '2 6' },
  Inactive: { color: '#7e7e7e', dash: '2 6' },
};

export const LEGEND = CONNECTION_STATUSES.map((s) => ({
  status: s,
  label: CONNECTION_STATUS_LABELS[s],
  ...STATUS_STYLES[s],
}));

/** Token colours: connection housekeeping vs records on the move. */
export function tokenColor(kind: string): string {
  if (kind.startsWith('Record') || kind === 'SharingStopped' || kind === 'LeadConverted')
    return '#0176d3';
  if (kind.startsWith('Invitation') || kind === 'Decision' || kind === 'Deactivated')
    return '#9050e9';
  return '#dd7a01';
}
