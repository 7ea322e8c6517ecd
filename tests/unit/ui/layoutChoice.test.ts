import { describe, expect, it } from 'vitest';
import {
  LAYOUT_KEY,
  PRESENTER_LAYOUT_KEY,
  saveLayout,
  savedLayout,
  savedSplitOrg,
  saveSplitOrg,
  type LayoutStorage,
} from '../../../src/ui/stage/layoutChoice.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  const storage: LayoutStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  return { data, storage };
}

const refusing: LayoutStorage = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
  removeItem: () => {
    throw new Error('denied');
  },
};

describe('the layout choice', () => {
  it('a returning visitor gets Workspaces, presenter mode gets Stage, until they choose', () => {
    const { storage } = memoryStorage();
    expect(savedLayout(storage, false)).toBe('workspaces');
    expect(savedLayout(storage, true)).toBe('stage');
  });

  it('each mode keeps its own choice across reloads', () => {
    const { storage, data } = memoryStorage();
    saveLayout(storage, false, 'split');
    saveLayout(storage, true, 'workspaces');
    expect(data.get(LAYOUT_KEY)).toBe('split');
    expect(data.get(PRESENTER_LAYOUT_KEY)).toBe('workspaces');
    expect(savedLayout(storage, false)).toBe('split');
    expect(savedLayout(storage, true)).toBe('workspaces');
  });

  it('an unknown value or refused storage falls back to the mode’s default', () => {
    const { storage } = memoryStorage({ [LAYOUT_KEY]: 'theatre' });
    expect(savedLayout(storage, false)).toBe('workspaces');
    expect(savedLayout(refusing, true)).toBe('stage');
    expect(() => saveLayout(refusing, false, 'stage')).not.toThrow();
    expect(savedSplitOrg(refusing)).toBeNull();
  });

  it('remembers which org Split shows', () => {
    const { storage } = memoryStorage();
    expect(savedSplitOrg(storage)).toBeNull();
    saveSplitOrg(storage, 'globex');
    expect(savedSplitOrg(storage)).toBe('globex');
  });
});
