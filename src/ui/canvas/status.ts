import type { ConnectionStatus } from '../../engine/machines/states.ts';
import { CONNECTION_STATUS_LABELS, CONNECTION_STATUSES } from '../../engine/machines/states.ts';

export interface StatusStyle {
  color: string;
  /** SVG stroke-dasharray, empty for a solid line. */
  dash: string;
}

/**
 * Edge colours by connection status; the legend and the e2e tests read the same table. They are
 * CSS variables so each theme picks its own shade; the token canvas resolves them when it draws.
 */
export const STATUS_STYLES: Readonly<Record<ConnectionStatus, StatusStyle>> = {
  Pending: { color: 'var(--st-pending)', dash: '6 6' },
  Sent: { color: 'var(--st-sent)', dash: '10 6' },
  Received: { color: 'var(--st-received)', dash: '10 6' },
  Accepted: { color: 'var(--st-accepted)', dash: '' },
  Rejected: { color: 'var(--st-rejected)', dash: '2 6' },
  Inactive: { color: 'var(--st-inactive)', dash: '2 6' },
};

export const LEGEND = CONNECTION_STATUSES.map((s) => ({
  status: s,
  label: CONNECTION_STATUS_LABELS[s],
  ...STATUS_STYLES[s],
}));
