import { describe, expect, it } from 'vitest';
import { lagTicks, timeTicks } from '../../../src/ui/lag/lagAxes.ts';

describe('the sync-lag chart scale', () => {
  it('labels virtual time in seconds', () => {
    expect(timeTicks([0, 0.5, 1, 1.5])).toEqual(['0 s', '0.5 s', '1 s', '1.5 s']);
    expect(timeTicks([0.1 + 0.2])).toEqual(['0.3 s']);
  });

  it('labels lag in milliseconds, and in seconds once the scale reaches two of them', () => {
    expect(lagTicks([0, 200, 400])).toEqual(['0 ms', '200 ms', '400 ms']);
    expect(lagTicks([0, 1000, 2000, 3000])).toEqual(['0 s', '1 s', '2 s', '3 s']);
    expect(lagTicks([0, 500, 1000, 1500, 2000])).toEqual(['0 s', '0.5 s', '1 s', '1.5 s', '2 s']);
  });
});
