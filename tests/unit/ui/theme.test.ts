import { describe, expect, it } from 'vitest';
import {
  applyTheme,
  chooseTheme,
  savedTheme,
  THEME_KEY,
  type ThemeStorage,
  type ThemeTarget,
} from '../../../src/ui/shell/theme.ts';

function memoryStorage(initial: Record<string, string> = {}): ThemeStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const refusing: ThemeStorage = {
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

const element = (theme?: string): ThemeTarget => ({ dataset: theme ? { theme } : {} });

describe('theme choice', () => {
  it('reads a saved theme and falls back to system for nothing, junk or refused storage', () => {
    expect(savedTheme(memoryStorage({ [THEME_KEY]: 'dark' }))).toBe('dark');
    expect(savedTheme(memoryStorage({ [THEME_KEY]: 'contrast' }))).toBe('contrast');
    expect(savedTheme(memoryStorage())).toBe('system');
    expect(savedTheme(memoryStorage({ [THEME_KEY]: 'purple' }))).toBe('system');
    expect(savedTheme(refusing)).toBe('system');
    expect(savedTheme(undefined)).toBe('system');
  });

  it('sets data-theme for an explicit choice and removes it for system', () => {
    const el = element();
    applyTheme(el, 'light');
    expect(el.dataset.theme).toBe('light');
    applyTheme(el, 'system');
    expect('theme' in el.dataset).toBe(false);
  });

  it('remembers a choice, forgets it for system, and still applies when storage refuses', () => {
    const store = memoryStorage();
    const el = element();
    chooseTheme(el, store, 'contrast');
    expect(store.data.get(THEME_KEY)).toBe('contrast');
    expect(el.dataset.theme).toBe('contrast');
    chooseTheme(el, store, 'system');
    expect(store.data.has(THEME_KEY)).toBe(false);
    expect(el.dataset.theme).toBeUndefined();

    const other = element('dark');
    chooseTheme(other, refusing, 'light');
    expect(other.dataset.theme).toBe('light');
  });
});
