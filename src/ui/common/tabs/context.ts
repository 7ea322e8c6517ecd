import { getContext, setContext } from 'svelte';

/** What a tab set's parts share: the chosen tab, how to choose one, and its ids. */
export interface TabsContext {
  readonly value: string;
  readonly orientation: 'horizontal' | 'vertical';
  select(value: string): void;
  triggerId(value: string): string;
  contentId(value: string): string;
}

const KEY = Symbol('tabs');

export const setTabs = (ctx: TabsContext) => setContext(KEY, ctx);

export function getTabs(): TabsContext {
  const ctx = getContext<TabsContext | undefined>(KEY);
  if (!ctx) throw new Error('A tab, tab list or tab panel must be inside Tabs.Root.');
  return ctx;
}
