import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';

describe('the whole S2S story', () => {
  it('runs enable → invite → accept → publish → subscribe → forward → sync', () => {
    const s = S2S.create({ seed: 7 });
    s.run([
      { type: 'org.create', org: 'acme', name: 'Acme', domain: 'acme.example.com' },
      { type: 'org.create', org: 'globex', name: 'Globex', domain: 'globex.example.com' },
    ]);
    const [acme, globex] = s.orgs();
    const A = acme!.adminId;
    const G = globex!.adminId;
    s.run([
      { type: 's2s.enable', org: 'acme', as: A },
      { type: 's2s.enable', org: 'globex', as: G },
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: 'Globex Corp' },
      },
    ]);
    const acc = s.records('acme', { object: 'Account' })[0]!;
    const contact = s.dispatch({
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Contact',
      values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: acc.Id },
    });
    expect(contact.ok).toBe(true);
    const inv = s.dispatch({
      type: 'connection.invite',
      org: 'acme',
      as: A,
      contactId: (contact as { id: string }).id,
    });
    expect(inv).toMatchObject({ ok: true });
    expect(s.connections('acme')[0]!.ConnectionStatus).toBe('Pending');
    s.runUntilIdle();
    expect(s.connections('acme')[0]!.ConnectionStatus).toBe('Sent');
    const gConn = s.connections('globex')[0]!;
    expect(gConn.ConnectionStatus).toBe('Received');
    s.run([{ type: 'connection.accept', org: 'globex', as: G, connectionId: gConn.Id }]);
    s.runUntilIdle();
    const aConn = s.connections('acme')[0]!;
    expect(aConn.ConnectionStatus).toBe('Accepted');
    s.run([
      {
        type: 'connection.publish',
        org: 'acme',
        as: A,
        connectionId: aConn.Id,
        object: 'Account',
        fields: ['Name', 'Phone', 'Industry'],
      },
      {
        type: 'connection.publish',
        org: 'acme',
        as: A,
        connectionId: aConn.Id,
        object: 'Contact',
        fields: ['LastName', 'Email'],
      },
      {
        type: 'connection.publish',
        org: 'globex',
        as: G,
        connectionId: gConn.Id,
        object: 'Account',
        fields: ['Name', 'Phone'],
      },
    ]);
    s.runUntilIdle();
    s.run([
      {
        type: 'connection.subscribe',
        org: 'globex',
        as: G,
        connectionId: gConn.Id,
        partnerObject: 'Account',
        autoAccept: true,
      },
      {
        type: 'connection.subscribe',
        org: 'globex',
        as: G,
        connectionId: gConn.Id,
        partnerObject: 'Contact',
      },
      {
        type: 'connection.subscribe',
        org: 'acme',
        as: A,
        connectionId: aConn.Id,
        partnerObject: 'Account',
      },
    ]);
    s.runUntilIdle();
    const target = s.dispatch({
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Account',
      values: { Name: 'Initech', Phone: '555-0100' },
    }) as { id: string };
    s.dispatch({
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Contact',
      values: { LastName: 'Bolton', AccountId: target.id },
    });
    const fwd = s.dispatch({
      type: 'record.forward',
      org: 'acme',
      as: A,
      recordIds: [target.id],
      connectionIds: [aConn.Id],
      relatedObjects: ['Contact'],
    });
    expect(fwd).toMatchObject({ ok: true });
    s.runUntilIdle();
    const gAccounts = s.records('globex', { object: 'Account' });
    expect(gAccounts.map((r) => r.fields.Name)).toContain('Initech');
    const gContacts = s.records('globex', { object: 'Contact' });
    expect(gContacts.map((r) => r.fields.LastName)).toContain('Bolton');
    const copy = gAccounts.find((r) => r.fields.Name === 'Initech')!;
    s.dispatch({
      type: 'record.update',
      org: 'acme',
      as: A,
      id: target.id,
      values: { Phone: '555-0199' },
    });
    s.dispatch({
      type: 'record.update',
      org: 'globex',
      as: G,
      id: copy.Id,
      values: { Name: 'Initech Global' },
    });
    s.runUntilIdle();
    expect(s.record('globex', copy.Id)!.record.fields.Phone).toBe('555-0199');
    expect(s.record('acme', target.id)!.record.fields.Name).toBe('Initech Global');
    const report = s.check();
    expect(report.quiet).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.shares.every((x) => x.agree)).toBe(true);
  });
});
