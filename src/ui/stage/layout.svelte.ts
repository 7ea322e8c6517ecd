import { classroom } from '../classroom/classroom.svelte.ts';
import {
  saveLayout,
  savedLayout,
  savedSplitOrg,
  saveSplitOrg,
  type Layout,
} from './layoutChoice.ts';

const storage = () => globalThis.localStorage as Storage | undefined;

/**
 * The layout in use, shared by the header's switch and the main area. Each mode's choice is
 * read once and then kept here, so switching modes never waits on storage.
 */
class LayoutState {
  private desk = $state<Layout>(savedLayout(storage(), false));
  private presenting = $state<Layout>(savedLayout(storage(), true));
  /** The org whose workspace Split shows (null: the first org). */
  splitOrg = $state<string | null>(savedSplitOrg(storage()));

  get current(): Layout {
    return classroom.presenter ? this.presenting : this.desk;
  }

  choose(layout: Layout) {
    if (classroom.presenter) this.presenting = layout;
    else this.desk = layout;
    saveLayout(storage(), classroom.presenter, layout);
  }

  showInSplit(org: string) {
    this.splitOrg = org;
    saveSplitOrg(storage(), org);
  }
}

export const layout = new LayoutState();
