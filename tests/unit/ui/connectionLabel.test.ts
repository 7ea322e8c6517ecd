import { describe, expect, it } from 'vitest';
import { connectionLabel } from '../../../src/ui/common/connectionLabel.ts';

describe('connection labels', () => {
  it('CONN-2: an Active connection is named alone', () => {
    expect(
      connectionLabel({
        name: 'Globex Corp',
        status: 'Accepted',
        statusLabel: 'Active',
        since: 5000,
      }),
    ).toBe('Globex Corp');
  });

  it('CONN-6, CONN-3: inactive and declined connections to one partner differ by status and date', () => {
    const inactive = connectionLabel({
      name: 'Globex Corp',
      status: 'Inactive',
      statusLabel: 'Inactive',
      since: 40_000,
    });
    const declined = connectionLabel({
      name: 'Globex Corp',
      status: 'Rejected',
      statusLabel: 'Declined',
      since: 12_500,
    });
    expect(inactive).toBe('Globex Corp · Inactive since t = 40.0 s');
    expect(declined).toBe('Globex Corp · Declined since t = 12.5 s');
    expect(
      connectionLabel({
        name: 'Globex Corp',
        status: 'Inactive',
        statusLabel: 'Inactive',
        since: 41_000,
      }),
    ).not.toBe(inactive);
  });

  it('CONN-2: an invitation still waiting says so', () => {
    expect(
      connectionLabel({
        name: 'Initech',
        status: 'Sent',
        statusLabel: 'Invitation Sent',
        since: 0,
      }),
    ).toBe('Initech · Invitation Sent since t = 0.0 s');
  });
});
