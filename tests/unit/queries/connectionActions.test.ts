import { describe, expect, it } from 'vitest';
import { connectionActions } from '../../../src/engine/queries/connectionActions.ts';

describe('connection page actions', () => {
  it('CONN-3: the invitee decides (Accept, Decline, Decide Later); the inviter may Cancel or Resend', () => {
    expect(connectionActions('Received')).toEqual(['accept', 'decline', 'decideLater']);
    expect(connectionActions('Sent')).toEqual(['cancel', 'resend']);
    expect(connectionActions('Pending')).toEqual(['cancel', 'resend']);
  });

  it('CONN-6: an accepted connection can be deactivated; an inactive or declined one offers nothing', () => {
    expect(connectionActions('Accepted')).toEqual(['deactivate']);
    expect(connectionActions('Inactive')).toEqual([]);
    expect(connectionActions('Rejected')).toEqual([]);
  });
});
