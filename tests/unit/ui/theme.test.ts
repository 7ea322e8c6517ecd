import { describe, expect, it } from 'vitest';
import {
  applyTheme,
  paletteFor,
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

const dark = (q: string) => q === '(prefers-color-scheme: dark)';
const none = () => false;

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

  it('sets data-theme to the chosen palette, or for system to what the system asks for', () => {
    const el = element();
    applyTheme(el, 'light', dark);
    expect(el.dataset.theme).toBe('light');
    applyTheme(el, 'system', dark);
    expect(el.dataset.theme).toBe('dark');
    applyTheme(el, 'system', none);
    expect(el.dataset.theme).toBe('light');
    // More contrast wins over dark.
    expect(paletteFor('system', (q) => q.includes('contrast') || q.includes('dark'))).toBe(
      'contrast',
    );
  });

  it('remembers a choice, forgets it for system, and still applies when storage refuses', () => {
    const store = memoryStorage();
    const el = element();
    chooseTheme(el, store, 'contrast', none);
    expect(store.data.get(THEME_KEY)).toBe('contrast');
    expect(el.dataset.theme).toBe('contrast');
    chooseTheme(el, store, 'system', none);
    expect(store.data.has(THEME_KEY)).toBe(false);
    expect(el.dataset.theme).toBe('light');

    const other = element('dark');
    chooseTheme(other, refusing, 'light', dark);
    expect(other.dataset.theme).toBe('light');
  });
});
