/**
 * The colour theme a person picked, and the palette it means. "system" stores nothing and
 * follows the system's contrast and colour-scheme preferences. The page's data-theme attribute
 * always names the palette in use, so the stylesheet writes each palette once. index.html
 * repeats the read-resolve-apply in a few inline lines so the first paint is right.
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

export type Palette = Exclude<Theme, 'system'>;

/** Whether a media query holds (window.matchMedia in the page, a stub in tests). */
export type MediaMatch = (query: string) => boolean;

export const SYSTEM_QUERIES = ['(prefers-contrast: more)', '(prefers-color-scheme: dark)'] as const;

/** A system asking for more contrast gets high contrast, even when it also asks for dark. */
export function paletteFor(theme: Theme, matches: MediaMatch): Palette {
  if (theme !== 'system') return theme;
  if (matches(SYSTEM_QUERIES[0])) return 'contrast';
  return matches(SYSTEM_QUERIES[1]) ? 'dark' : 'light';
}

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

export function applyTheme(target: ThemeTarget, theme: Theme, matches: MediaMatch): void {
  target.dataset.theme = paletteFor(theme, matches);
}

/** Applies the choice at once and remembers it; a refused write still changes this page. */
export function chooseTheme(
  target: ThemeTarget,
  storage: ThemeStorage | undefined,
  theme: Theme,
  matches: MediaMatch,
): void {
  applyTheme(target, theme, matches);
  try {
    if (theme === 'system') storage?.removeItem(THEME_KEY);
    else storage?.setItem(THEME_KEY, theme);
  } catch {
    // Private modes may refuse storage; the theme then lasts for this page only.
  }
}
