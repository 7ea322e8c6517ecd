import type { OrgWorkspace, Refusal, WorkspaceCommand } from '../orgWorkspace.svelte.ts';

/**
 * Dispatches a Setup form's command: null when the engine accepted it (the form then resets),
 * else the refusal to show beside the form, which keeps what the user typed.
 */
export function submit(ws: OrgWorkspace, cmd: WorkspaceCommand): Refusal | null {
  const r = ws.dispatch(cmd);
  return r.ok ? null : r;
}
