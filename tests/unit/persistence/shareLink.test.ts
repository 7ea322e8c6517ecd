import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { S2S } from '../../../src/engine/api.ts';
import { decodeScenario, encodeScenario } from '../../../src/persistence/shareLink.ts';
import { connectedWorld, outcome } from './world.ts';

describe('share links', () => {
  it('round-trips a scenario through the URL hash and rebuilds the same sandbox', () => {
    const s = S2S.create({ seed: 13 });
    connectedWorld(s, 3);
    const sc = s.scenario();
    const payload = encodeScenario(sc);
    expect(payload).toMatch(/^[A-Za-z0-9+\-$_]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(sc).length * 0.7);
    for (const hash of [payload, `#${payload}`, `#s=${payload}`]) {
      const r = decodeScenario(hash);
      if (!r.ok) throw new Error(r.error);
      expect(r.scenario).toEqual(sc);
    }
    const r = decodeScenario(`#s=${payload}`);
    const rebuilt = S2S.fromScenario(r.ok ? r.scenario : sc);
    expect(outcome(rebuilt)).toEqual(outcome(s));
    expect(rebuilt.now).toBe(s.now);
  });

  it('carries queues, assignment rules, sharing rules, formulas and the owners they give', () => {
    const s = S2S.create({ seed: 5 });
    s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
    const as = s.orgs()[0]!.adminId;
    const [role] = s.run([{ type: 'role.create', org: 'acme', as, name: 'Team' }]);
    const [queue] = s.run([
      { type: 'queue.create', org: 'acme', as, name: 'Hot', objects: ['Lead'], members: [] },
    ]);
    const roleId = role!.ok ? role!.id! : '';
    s.run([
      {
        type: 'assignmentRule.set',
        org: 'acme',
        as,
        object: 'Lead',
        name: 'Hot leads',
        entries: [
          {
            field: 'Rating',
            operator: 'equals',
            value: 'Hot',
            assignTo: queue!.ok ? queue!.id! : '',
          },
        ],
      },
      {
        type: 'sharingRule.add',
        org: 'acme',
        as,
        object: 'Lead',
        name: 'Team reads leads',
        accessLevel: 'Read',
        sharedWith: { roleId, includeSubordinates: true },
        criteria: { field: 'Company', operator: 'isBlank' },
      },
      {
        type: 'field.create',
        org: 'acme',
        as,
        object: 'Lead',
        field: {
          apiName: 'Label__c',
          label: 'Label',
          type: { kind: 'FormulaText', formula: 'LastName & " at " & Company' },
        },
      },
      {
        type: 'record.create',
        org: 'acme',
        as,
        object: 'Lead',
        values: { LastName: 'Lane', Company: 'Co', Status: 'Open - Not Contacted' },
        ownerId: queue!.ok ? queue!.id! : '',
      },
    ]);
    expect(s.log({ kind: 'refused' })).toEqual([]);
    const r = decodeScenario(encodeScenario(s.scenario()));
    if (!r.ok) throw new Error(r.error);
    const rebuilt = S2S.fromScenario(r.scenario);
    expect(rebuilt.sandbox.snapshot().orgs).toEqual(s.sandbox.snapshot().orgs);
    expect(rebuilt.records('acme')[0]!.fields.Label__c).toBe('Lane at Co');
  });

  it('explains a damaged or hostile link', () => {
    const payload = encodeScenario(S2S.create({ seed: 1 }).scenario());
    const bad = (hash: string) => {
      const r = decodeScenario(hash);
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad('#s=')).toMatch(/no scenario/);
    expect(bad(`#s=${payload.slice(0, payload.length / 2)}`)).toMatch(/damaged/);
    expect(bad('#s=%%%not-lz%%%')).toMatch(/damaged/);
    expect(
      bad(
        compressToEncodedURIComponent(
          '{"format":1,"seed":1,"commands":[{"index":0,"at":0,"command":{"type":"evil"}}]}',
        ),
      ),
    ).toMatch(/commands\[0\]\.command\.type: Unknown command type "evil"/);
    expect(bad(compressToEncodedURIComponent('{"format":2,"seed":1,"commands":[]}'))).toMatch(
      /format: Only scenario format 1/,
    );
    expect(
      bad(compressToEncodedURIComponent('{"format":1,"seed":1,"commands":[],"__proto__":{"x":1}}')),
    ).toMatch(/"__proto__" is not allowed/);
    expect(bad('#s=' + 'A'.repeat(600_000))).toMatch(/too long/);
  });
});
