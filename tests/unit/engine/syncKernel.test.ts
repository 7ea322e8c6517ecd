import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELDS } from '../../../src/engine/presets/connectedOrgs.ts';
import { sharedAccount } from './sharedAccount.ts';

function account() {
  const shared = sharedAccount(2, ACCOUNT_FIELDS);
  return { ...shared, took: shared.s.sandbox.kernelTook };
}

describe('the sync kernel', () => {
  it('SYNC-1: a plain edit and its arrival are taken by the kernel, and the copy follows', () => {
    const { s, A, id, copy, took } = account();
    const r = s.dispatch({ type: 'record.update', org: 'a', as: A, id, values: { Phone: '555' } });
    s.runUntilIdle();
    expect(r).toEqual({ ok: true, id });
    expect(took).toEqual({ edits: 1, updates: 1 });
    expect(s.record('b', copy)!.record.fields.Phone).toBe('555');
    expect(s.record('b', copy)!.history.at(-1)).toMatchObject({ field: 'Phone', newValue: '555' });
  });

  it("PERM-2: an edit naming another org's record, or a deleted one, is refused by the rules", () => {
    const { s, A, id, copy, took } = account();
    const other = s.dispatch({ type: 'record.update', org: 'a', as: A, id: copy, values: {} });
    expect(other).toMatchObject({ ok: false, rule: 'PERM-2' });
    s.dispatch({ type: 'record.delete', org: 'a', as: A, id });
    const gone = s.dispatch({ type: 'record.update', org: 'a', as: A, id, values: { Phone: '1' } });
    expect(gone).toMatchObject({ ok: false, rule: 'PERM-2' });
    expect(took.edits).toBe(0);
  });

  it('SYNC-6: an edit that runs an automation goes to the general rules, which run it', () => {
    const { s, A, id, took } = account();
    s.dispatch({
      type: 'automation.add',
      org: 'a',
      as: A,
      automation: { object: 'Account', whenField: 'Phone', setField: 'Description', value: 'rang' },
    });
    s.dispatch({ type: 'record.update', org: 'a', as: A, id, values: { Phone: '9' } });
    s.runUntilIdle();
    expect(took.edits).toBe(0);
    expect(s.record('a', id)!.record.fields.Description).toBe('rang');
  });
});
