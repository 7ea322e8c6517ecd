import {
  connectionTable,
  type ConnectionEvent,
  type ConnectionStatus,
} from '../machines/states.ts';

/** The user's actions on a connection page, each the machine event it sends (CONN-3, CONN-6). */
const USER_ACTIONS = {
  accept: 'ACCEPT',
  decline: 'DECLINE',
  decideLater: 'DECIDE_LATER',
  cancel: 'CANCEL_INVITATION',
  resend: 'RESEND',
  deactivate: 'DEACTIVATE',
} as const satisfies Record<string, ConnectionEvent>;

export type ConnectionAction = keyof typeof USER_ACTIONS;

/**
 * The actions a connection in `status` offers: those whose event the connection machine takes
 * there, so the page shows what the lifecycle allows without a copy of it.
 */
export function connectionActions(status: ConnectionStatus): ConnectionAction[] {
  return (Object.keys(USER_ACTIONS) as ConnectionAction[]).filter(
    (a) => connectionTable.next(status, USER_ACTIONS[a]) !== undefined,
  );
}
