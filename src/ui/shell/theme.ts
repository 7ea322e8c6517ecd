/**
 * The colour theme a person picked. "system" stores nothing and leaves the page without a
 * data-theme attribute, so the stylesheet's prefers-color-scheme / prefers-contrast rules decide.
 * index.html repeats the read-and-apply in a few inline lines so the first paint is right.
 */
export const THEMES = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Readonly<Record<Theme, string>> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

export const THEME_KEY = 's2s-theme';

export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export interface ThemeTarget {
  dataset: Record<string, string | undefined>;
}

const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

/** The saved choice; anything unknown, or storage the browser refuses, means "system". */
export function savedTheme(storage: ThemeStorage | undefined): Theme {
  try {
    const v = storage?.getItem(THEME_KEY);
    return isTheme(v) ? v : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(target: ThemeTarget, theme: Theme): void {
  if (theme === 'system') delete target.dataset.theme;
  else target.dataset.theme = theme;
}

/** Applies the choice at once and remembers it; a refused write still changes this page. */
export function chooseTheme(
  target: ThemeTarget,
  storage: ThemeStorage | undefined,
  theme: Theme,
): void {
  applyTheme(target, theme);
  try {
    if (theme === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme then lasts for this page only.
  }
}
