import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaInputs, parseFormula } from '../../../src/engine/domain/index.ts';

describe('text formulas', () => {
  it('reads field names and quoted text joined with &', () => {
    expect(parseFormula('FirstName & " " & LastName')).toEqual({
      ok: true,
      value: [{ field: 'FirstName' }, { text: ' ' }, { field: 'LastName' }],
    });
    expect(parseFormula("'Acct: ' & AccountId")).toMatchObject({ ok: true });
    expect(formulaInputs('A__c & "x" & B')).toEqual(['A__c', 'B']);
  });

  it('says where a formula stops making sense', () => {
    expect(parseFormula('')).toMatchObject({ ok: false, reason: 'A formula cannot be empty.' });
    expect(parseFormula('FirstName LastName')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/character 11: expected & between terms/),
    });
    expect(parseFormula('Name & ')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/character 7: expected a field name/),
    });
    expect(parseFormula('"unclosed')).toMatchObject({ ok: false });
  });

  it('joins values as text and leaves blank results null', () => {
    const terms = parseFormula('FirstName & " " & LastName');
    if (!terms.ok) throw new Error(terms.reason);
    expect(evaluateFormula(terms.value, { FirstName: 'Ada', LastName: 'Lovelace' })).toBe(
      'Ada Lovelace',
    );
    expect(evaluateFormula(terms.value, { LastName: 'Solo' })).toBe(' Solo');
    const one = parseFormula('Amount');
    if (!one.ok) throw new Error(one.reason);
    expect(evaluateFormula(one.value, { Amount: 12.5 })).toBe('12.5');
    expect(evaluateFormula(one.value, { Amount: null })).toBeNull();
  });
});
