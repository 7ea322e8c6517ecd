/**
 * Which layout the main area uses: the two workspaces either side of the canvas, the canvas
 * beside one workspace, or the canvas alone (the stage) with workspaces as drawers. Remembered
 * per mode: presenter mode keeps its own choice, Stage unless changed, so turning it off
 * brings back the desk's layout.
 */
export const LAYOUTS = ['workspaces', 'split', 'stage'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Readonly<Record<Layout, string>> = {
  workspaces: 'Workspaces',
  split: 'Split',
  stage: 'Stage',
};

export const LAYOUT_KEY = 's2s-layout';
export const PRESENTER_LAYOUT_KEY = 's2s-layout-presenter';
export const SPLIT_ORG_KEY = 's2s-split-org';

export type LayoutStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isLayout = (v: unknown): v is Layout => LAYOUTS.includes(v as Layout);

function read(storage: LayoutStorage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The saved layout for the mode; unknown or unreadable values fall back to the mode's default. */
export function savedLayout(storage: LayoutStorage | undefined, presenter: boolean): Layout {
  const v = read(storage, presenter ? PRESENTER_LAYOUT_KEY : LAYOUT_KEY);
  if (isLayout(v)) return v;
  return presenter ? 'stage' : 'workspaces';
}

export function saveLayout(
  storage: LayoutStorage | undefined,
  presenter: boolean,
  layout: Layout,
): void {
  try {
    storage?.setItem(presenter ? PRESENTER_LAYOUT_KEY : LAYOUT_KEY, layout);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
}

export function savedSplitOrg(storage: LayoutStorage | undefined): string | null {
  return read(storage, SPLIT_ORG_KEY);
}

export function saveSplitOrg(storage: LayoutStorage | undefined, org: string): void {
  try {
    storage?.setItem(SPLIT_ORG_KEY, org);
  } catch {
    // As above.
  }
}
