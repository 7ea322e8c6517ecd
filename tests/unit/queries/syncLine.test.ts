import { describe, expect, it } from 'vitest';
import { sharedAccount } from '../engine/sharedAccount.ts';

describe('sync line of a shared record', () => {
  it('SYNC-3: an update on the wire is told with its fields, partner and due time', () => {
    const { s, A, id, copy } = sharedAccount(11, ['Name', 'Phone']);
    expect(s.syncLine('a', id)).toEqual({ state: 'inSync' });
    s.run([{ type: 'link.set', from: 'a', to: 'b', link: { latencyMs: 3000, jitterMs: 0 } }]);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '555-0199' } }]);
    const line = s.syncLine('a', id);
    expect(line?.state).toBe('travelling');
    const trip = line?.state === 'travelling' ? line.trips[0]! : null;
    expect(trip).toMatchObject({
      what: 'Update to Account Phone',
      direction: 'out',
      partnerName: 'Org B',
      held: false,
    });
    expect(trip!.dueAt - s.now).toBe(3000);
    // The receiving copy sees the same message coming in.
    expect(s.syncLine('b', copy)).toMatchObject({
      state: 'travelling',
      trips: [{ direction: 'in', partnerName: 'Org A' }],
    });
    s.runUntilIdle();
    expect(s.syncLine('a', id)).toEqual({ state: 'inSync' });
    expect(s.syncLine('b', copy)).toEqual({ state: 'inSync' });
  });

  it('SYNC-4: an update held by a paused link says so', () => {
    const { s, A, id } = sharedAccount(12, ['Name', 'Phone']);
    s.run([{ type: 'link.set', from: 'a', to: 'b', both: true, link: { paused: true } }]);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: '1' } }]);
    s.runUntilIdle();
    const line = s.syncLine('a', id);
    expect(line?.state === 'travelling' && line.trips[0]!.held).toBe(true);
  });

  it('SYNC-5: an update the partner cannot apply shows as failed there, on both copies', () => {
    const { s, A, B, id, copy } = sharedAccount(13, ['Name', 'Phone']);
    s.run([
      {
        type: 'validationRule.add',
        org: 'b',
        as: B,
        rule: {
          object: 'Account',
          field: 'Phone',
          operator: 'equals',
          value: 'bad',
          message: 'No bad phones',
        },
      },
    ]);
    s.run([{ type: 'record.update', org: 'a', as: A, id, values: { Phone: 'bad' } }]);
    s.runUntilIdle();
    const line = s.syncLine('a', id);
    expect(line).toMatchObject({ state: 'failed', orgName: 'Org B' });
    expect(line?.state === 'failed' && line.reason).toContain('No bad phones');
    expect(s.syncLine('b', copy)).toMatchObject({ state: 'failed', orgName: 'Org B' });
  });

  it('REC-2: a forward not yet accepted waits for the partner; an unshared record has no line', () => {
    const { s, A } = sharedAccount(14, ['Name']);
    const made = s.dispatch({
      type: 'record.create',
      org: 'b',
      as: s.orgs()[1]!.adminId,
      object: 'Account',
      values: { Name: 'Local' },
    });
    expect(s.syncLine('b', made.ok ? made.id! : '')).toBeNull();
    // Acme subscribes without auto-accept, so Org B's forward waits in Acme's list.
    const bConn = s.connections('b')[0]!.Id;
    s.run([
      {
        type: 'record.forward',
        org: 'b',
        as: s.orgs()[1]!.adminId,
        recordIds: [made.ok ? made.id! : ''],
        connectionIds: [bConn],
      },
    ]);
    s.runUntilIdle();
    expect(s.inbox('a').length).toBe(1);
    expect(s.syncLine('b', made.ok ? made.id! : '')).toEqual({
      state: 'waiting',
      partnerName: 'Org A',
    });
    void A;
  });
});
