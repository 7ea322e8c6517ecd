import { describe, expect, it } from 'vitest';
import { namedRecord } from '../../../src/engine/org/recordName.ts';
import {
  ACME,
  connectedOrgs,
  GLOBEX,
  globexValidationRule,
  ok,
  refused,
  sharedAccount,
  update,
} from './fixtures.ts';

// Sentences name a record as Salesforce shows it: its name, with its Id beside it.

describe('records named in refusals and Health', () => {
  it('REC-6: forwarding a record already shared names it, with its Id', () => {
    const c = connectedOrgs();
    const { acmeId } = sharedAccount(c);
    const r = refused(
      c.s,
      {
        type: 'record.forward',
        org: ACME,
        as: c.A,
        recordIds: [acmeId],
        connectionIds: [c.aConn],
      },
      'REC-6',
    );
    expect(r.reason).toBe(`Initech (${acmeId}) is already shared with Globex Corp.`);
  });

  it('HLT-1, HLT-2, SYNC-5: a failed update in Health and its notification name the record, its Id beside the name', () => {
    const c = connectedOrgs({
      before: globexValidationRule({
        object: 'Account',
        field: 'Phone',
        operator: 'contains',
        value: 'x',
        message: 'No extensions',
      }),
    });
    const { acmeId, globexId } = sharedAccount(c);
    update(c.s, ACME, c.A, acmeId, { Phone: '555 x12' });
    c.s.runUntilIdle();
    const h = c.s.health(GLOBEX)[0]!;
    expect(h.failed[0]).toMatchObject({ recordId: globexId, recordName: 'Initech' });
    expect(c.s.notifications(GLOBEX).at(-1)!.text).toBe(
      `Update of Account Initech (${globexId}) from Acme failed: Validation rule: No extensions`,
    );
  });

  it('a record without a name, or gone, is named by its Id alone', () => {
    const c = connectedOrgs();
    const { acmeId } = sharedAccount(c);
    const org = c.s.sandbox.state.orgs[ACME]!;
    expect(namedRecord(org, acmeId)).toBe(`Initech (${acmeId})`);
    ok(c.s, { type: 'record.delete', org: ACME, as: c.A, id: acmeId });
    expect(namedRecord(c.s.sandbox.state.orgs[ACME]!, acmeId)).toBe(acmeId);
    expect(namedRecord(org, null)).toBe('a record');
  });
});
