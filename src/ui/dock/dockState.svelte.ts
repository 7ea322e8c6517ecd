/** The dock's tabs, in the order they are shown. */
export const DOCK_TABS = [
  { id: 'timeline', label: 'Timeline' },
  { id: 'network', label: 'Network' },
  { id: 'consistency', label: 'Consistency' },
  { id: 'lag', label: 'Sync lag' },
] as const;
export type DockTab = (typeof DOCK_TABS)[number]['id'];

/** What the Timeline's list shows: '' means any. */
export interface TimelineFilters {
  org: string;
  wire: string;
  record: string;
  kind: string;
}

export const NO_FILTERS: TimelineFilters = { org: '', wire: '', record: '', kind: '' };

const KEY = 's2s-dock';

interface Saved {
  tab?: string;
  filters?: Partial<TimelineFilters>;
  shareOpen?: string | null;
}

/**
 * Which dock tab is open and the Timeline's filters, kept in localStorage so a reload shows
 * the same (like the workspace tabs). `focusEvent` is where a link from another panel asked
 * the Timeline to go; it is not saved.
 */
export class DockState {
  tab = $state<DockTab>('timeline');
  filters = $state<TimelineFilters>({ ...NO_FILTERS });
  /** The shared record whose copies the Consistency tab shows side by side. */
  shareOpen = $state<string | null>(null);
  focusEvent = $state<number | null>(null);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    const saved = read(storage);
    if (DOCK_TABS.some((t) => t.id === saved.tab)) this.tab = saved.tab as DockTab;
    for (const k of Object.keys(NO_FILTERS) as (keyof TimelineFilters)[]) {
      const v = saved.filters?.[k];
      if (typeof v === 'string') this.filters[k] = v;
    }
    this.shareOpen = typeof saved.shareOpen === 'string' ? saved.shareOpen : null;
  }

  open(tab: DockTab) {
    this.tab = tab;
    this.save();
  }

  setFilter(k: keyof TimelineFilters, v: string) {
    this.filters[k] = v;
    this.save();
  }

  clearFilters() {
    this.filters = { ...NO_FILTERS };
    this.save();
  }

  openShare(share: string | null) {
    this.shareOpen = share;
    this.save();
  }

  /** A link to an event: the Timeline opens on it, its filters cleared so it is in the list. */
  showEvent(i: number) {
    this.clearFilters();
    this.focusEvent = i;
    this.open('timeline');
  }

  save() {
    try {
      this.storage?.setItem(
        KEY,
        JSON.stringify({ tab: this.tab, filters: this.filters, shareOpen: this.shareOpen }),
      );
    } catch {
      // Storage may be off (private browsing); the dock then resets on reload.
    }
  }
}

function read(storage: Pick<Storage, 'getItem'> | undefined): Saved {
  try {
    const raw = storage?.getItem(KEY);
    const v = raw ? (JSON.parse(raw) as unknown) : null;
    return v && typeof v === 'object' ? (v as Saved) : {};
  } catch {
    return {};
  }
}
