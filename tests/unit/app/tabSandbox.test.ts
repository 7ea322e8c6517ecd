import { describe, expect, it } from 'vitest';
import { rememberTabSandbox, tabSandboxId } from '../../../src/app/tabSandbox.ts';

/** A tab's sessionStorage stand-in. */
function storage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe("a tab's own sandbox", () => {
  it('is remembered per tab: another tab opening a sandbox does not change it', () => {
    const first = storage();
    const second = storage();
    rememberTabSandbox('mine', first);
    rememberTabSandbox('shared', second);
    expect(tabSandboxId(first)).toBe('mine');
    expect(tabSandboxId(second)).toBe('shared');
  });

  it('is none in a new tab, or when storage refuses', () => {
    expect(tabSandboxId(storage())).toBeNull();
    const broken = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => rememberTabSandbox('x', broken)).not.toThrow();
    expect(tabSandboxId(broken)).toBeNull();
  });
});
