/**
 * The workspace drawer of the Stage layout: which org's workspace is open and what opened it
 * (focus goes back there on close). Anything on the stage may open one: an org's node, its
 * "Open workspace" button, a record row. The drawer's own code loads on first use.
 */
export const drawer = $state({
  org: null as string | null,
  opener: null as HTMLElement | null,
});

export function openDrawer(org: string, from?: HTMLElement | null) {
  drawer.opener = from ?? (document.activeElement as HTMLElement | null);
  drawer.org = org;
}
