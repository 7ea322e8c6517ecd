import Content from './Content.svelte';
import List from './List.svelte';
import Root from './Root.svelte';
import Trigger from './Trigger.svelte';

/** Drop-in for bits-ui's Tabs parts used here: Tabs.Root, Tabs.List, Tabs.Trigger, Tabs.Content. */
export const Tabs = { Root, List, Trigger, Content };
