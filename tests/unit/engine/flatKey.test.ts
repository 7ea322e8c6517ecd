import { describe, expect, it } from 'vitest';
import { flatKey } from '../../../src/engine/sim/flatKey.ts';

describe('flat keys', () => {
  it('give back the same text, whatever it looks like', () => {
    for (const s of [
      '001A00000000001',
      `S-${'001'}${'A'}${'7'.padStart(11, '0')}`,
      '42',
      '',
      '__proto__',
    ])
      expect(flatKey(s)).toBe(s);
  });
});
