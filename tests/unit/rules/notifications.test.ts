import { describe, expect, it } from 'vitest';
import { addUser, ACME, connectedOrgs, ok, refused } from './fixtures.ts';

describe('Notifications', () => {
  it('HLT-2: the connection owner marks notifications read; new ones arrive unread', () => {
    const c = connectedOrgs();
    const { s, A } = c;
    const before = s.notifications(ACME);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((n) => !n.read)).toBe(true);
    ok(s, { type: 'notification.markRead', org: ACME, as: A, indexes: [0] });
    expect(s.notifications(ACME)[0]!.read).toBe(true);
    expect(
      s
        .notifications(ACME)
        .slice(1)
        .some((n) => n.read),
    ).toBe(false);
  });

  it('HLT-2: a Standard User cannot mark a notification addressed to someone else', () => {
    const c = connectedOrgs();
    const { s, A } = c;
    const std = addUser(s, ACME, A, 'Sam Std');
    refused(
      s,
      { type: 'notification.markRead', org: ACME, as: std, indexes: [0] },
      'HLT-2',
      /addressed to someone else/,
    );
    refused(s, { type: 'notification.markRead', org: ACME, as: A, indexes: [999] }, 'HLT-2');
  });
});
