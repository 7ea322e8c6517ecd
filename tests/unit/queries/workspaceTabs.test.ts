import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';

function twoOrgs() {
  const s = S2S.create({ seed: 1 });
  s.run([
    { type: 'org.create', org: 'acme', name: 'Acme' },
    { type: 'org.create', org: 'globex', name: 'Globex' },
  ]);
  return { s, A: s.orgs()[0]!.adminId };
}

const labels = (s: S2S, user: string) => s.tabs('acme', user).map((t) => t.label);

describe('workspace tabs', () => {
  it('EN-2: before S2S is enabled there is no Connections tab, not even for an admin', () => {
    const { s, A } = twoOrgs();
    expect(labels(s, A)).toEqual([
      'Setup',
      'Accounts',
      'Contacts',
      'Leads',
      'Opportunities',
      'Cases',
      'Developer Console',
    ]);
  });

  it('PERM-1: once enabled, Connections and Health show for Manage Connections only', () => {
    const { s, A } = twoOrgs();
    s.run([{ type: 's2s.enable', org: 'acme', as: A }]);
    const created = s.dispatch({
      type: 'user.create',
      org: 'acme',
      as: A,
      name: 'Sam Std',
      profile: 'Standard User',
    });
    const std = created.ok ? created.id! : '';
    expect(labels(s, A)).toEqual([
      'Setup',
      'Connections',
      'Accounts',
      'Contacts',
      'Leads',
      'Opportunities',
      'Cases',
      'Health',
      'Developer Console',
    ]);
    expect(labels(s, std)).not.toContain('Connections');
    expect(labels(s, std)).not.toContain('Developer Console');
    expect(labels(s, std)).not.toContain('Health');
  });

  it('lists custom objects by their plural label after the standard ones', () => {
    const { s, A } = twoOrgs();
    s.run([{ type: 'object.create', org: 'acme', as: A, apiName: 'Invoice__c', label: 'Invoice' }]);
    expect(labels(s, A).at(-2)).toBe('Invoices');
    expect(s.tabs('acme', A).at(-2)).toMatchObject({ id: 'Invoice__c', object: 'Invoice__c' });
    s.run([
      {
        type: 'object.create',
        org: 'acme',
        as: A,
        apiName: 'Property__c',
        label: 'Property',
        pluralLabel: 'Properties',
      },
    ]);
    expect(labels(s, A).at(-2)).toBe('Properties');
  });

  it('a sandbox holds at most five orgs', () => {
    const { s } = twoOrgs();
    for (const id of ['c', 'd', 'e']) s.run([{ type: 'org.create', org: id, name: id }]);
    expect(s.dispatch({ type: 'org.create', org: 'f', name: 'F' })).toMatchObject({
      ok: false,
      reason: 'A sandbox holds at most 5 orgs.',
    });
    expect(s.orgs()).toHaveLength(5);
  });
});
