import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import {
  CONNECTION_EVENTS,
  CONNECTION_STATES,
  CONNECTION_STATUSES,
  CONNECTION_STATUS_LABELS,
  connectionMachine,
  connectionTable,
  isConnectionFinal,
  nextConnectionStatus,
  type ConnectionEvent,
  type ConnectionState,
} from '../../../src/engine/machines/index.ts';

/** Steps the XState machine (pure API) and the table side by side; returns the final state. */
function run(events: readonly ConnectionEvent[]): ConnectionState {
  let [snapshot] = initialTransition(connectionMachine);
  let state: ConnectionState = connectionTable.initial;
  for (const type of events) {
    [snapshot] = transition(connectionMachine, snapshot, { type });
    state = connectionTable.next(state, type) ?? state;
    expect(snapshot.value).toBe(state);
  }
  return state;
}

const next = (state: ConnectionState, event: ConnectionEvent) => connectionTable.next(state, event);

describe('connection lifecycle (PartnerNetworkConnection)', () => {
  it('CONN-2: the inviter is Sent until the invitee decides; the invitee sees Received', () => {
    expect(run(['SEND_INVITE'])).toBe('Pending');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED'])).toBe('Sent');
    expect(run(['RECEIVE_INVITATION'])).toBe('Received');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED', 'PARTNER_ACCEPTED'])).toBe('Accepted');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED', 'PARTNER_DECLINED'])).toBe('Rejected');
  });

  it('CONN-2: the API values and their UI labels are kept apart', () => {
    expect(CONNECTION_STATUSES).toEqual([
      'Pending',
      'Sent',
      'Received',
      'Accepted',
      'Rejected',
      'Inactive',
    ]);
    expect(CONNECTION_STATUS_LABELS).toEqual({
      Pending: 'Pending',
      Sent: 'Invitation Sent',
      Received: 'Invitation Received',
      Accepted: 'Active',
      Rejected: 'Declined',
      Inactive: 'Inactive',
    });
    expect(CONNECTION_STATES).toEqual(['New', ...CONNECTION_STATUSES]);
  });

  it('CONN-2: a decision may overtake the delivery of the invitation (Pending → Accepted/Rejected) [sandbox choice]', () => {
    expect(next('Pending', 'PARTNER_ACCEPTED')).toBe('Accepted');
    expect(next('Pending', 'PARTNER_DECLINED')).toBe('Rejected');
    // The late delivery notice then changes nothing.
    expect(next('Accepted', 'INVITE_DELIVERED')).toBeUndefined();
  });

  it('CONN-3: the invitee can Accept, Decline or Decide Later (stays Received)', () => {
    expect(run(['RECEIVE_INVITATION', 'ACCEPT'])).toBe('Accepted');
    expect(run(['RECEIVE_INVITATION', 'DECLINE'])).toBe('Rejected');
    expect(run(['RECEIVE_INVITATION', 'DECIDE_LATER'])).toBe('Received');
    expect(run(['RECEIVE_INVITATION', 'DECIDE_LATER', 'DECIDE_LATER', 'ACCEPT'])).toBe('Accepted');
    // Deciding is the invitee's; the inviter's side does not take these events.
    for (const e of ['ACCEPT', 'DECLINE', 'DECIDE_LATER'] as const) {
      expect(next('Sent', e)).toBeUndefined();
      expect(next('Pending', e)).toBeUndefined();
    }
  });

  it('CONN-3: the inviter can Cancel Invitation or Resend before a decision', () => {
    expect(run(['SEND_INVITE', 'CANCEL_INVITATION'])).toBe('Inactive');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED', 'CANCEL_INVITATION'])).toBe('Inactive');
    expect(run(['SEND_INVITE', 'RESEND'])).toBe('Pending');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED', 'RESEND', 'INVITE_DELIVERED'])).toBe('Sent');
    expect(run(['RECEIVE_INVITATION', 'RECEIVE_INVITATION'])).toBe('Received');
    expect(run(['RECEIVE_INVITATION', 'INVITATION_CANCELLED'])).toBe('Inactive');
    // After the decision, neither is possible any more.
    expect(next('Accepted', 'CANCEL_INVITATION')).toBeUndefined();
    expect(next('Accepted', 'RESEND')).toBeUndefined();
    expect(next('Rejected', 'RESEND')).toBeUndefined();
  });

  it('CONN-3: a cancellation crossing an Accept on the wire leaves both sides Inactive [sandbox choice]', () => {
    const inviter = run([
      'SEND_INVITE',
      'INVITE_DELIVERED',
      'CANCEL_INVITATION',
      'PARTNER_ACCEPTED',
    ]);
    const invitee = run(['RECEIVE_INVITATION', 'ACCEPT', 'INVITATION_CANCELLED']);
    expect([inviter, invitee]).toEqual(['Inactive', 'Inactive']);
  });

  it('CONN-6: either side can deactivate an accepted connection', () => {
    expect(run(['RECEIVE_INVITATION', 'ACCEPT', 'DEACTIVATE'])).toBe('Inactive');
    expect(run(['RECEIVE_INVITATION', 'ACCEPT', 'PARTNER_DEACTIVATED'])).toBe('Inactive');
    expect(run(['SEND_INVITE', 'INVITE_DELIVERED', 'PARTNER_ACCEPTED', 'DEACTIVATE'])).toBe(
      'Inactive',
    );
    expect(
      run(['SEND_INVITE', 'INVITE_DELIVERED', 'PARTNER_ACCEPTED', 'PARTNER_DEACTIVATED']),
    ).toBe('Inactive');
  });

  it('CONN-6: a deactivated connection cannot be reactivated: no event leaves Inactive (nor Rejected)', () => {
    for (const final of ['Inactive', 'Rejected'] as const) {
      expect(isConnectionFinal(final)).toBe(true);
      const snapshot = connectionMachine.resolveState({ value: final });
      expect(snapshot.status).toBe('done');
      for (const type of CONNECTION_EVENTS) {
        expect(connectionTable.next(final, type)).toBeUndefined();
        expect(snapshot.can({ type })).toBe(false);
        expect(transition(connectionMachine, snapshot, { type })[0].value).toBe(final);
      }
    }
    for (const state of ['New', 'Pending', 'Sent', 'Received', 'Accepted'] as const) {
      expect(isConnectionFinal(state)).toBe(false);
    }
  });

  it('CONN-2: no stored status ever returns to New', () => {
    for (const state of CONNECTION_STATES) {
      for (const type of CONNECTION_EVENTS) {
        expect(connectionTable.next(state, type)).not.toBe('New');
      }
    }
    expect(nextConnectionStatus('Sent', 'PARTNER_ACCEPTED')).toBe('Accepted');
    expect(nextConnectionStatus('Inactive', 'DEACTIVATE')).toBeUndefined();
  });
});
