import type { S2S } from '../src/engine/api.ts';
import type { WorkspaceSource } from '../src/ui/workspace/orgWorkspace.svelte.ts';

/** Stands in for the app's session: the workspace re-renders when `changed()` bumps the view. */
export class BenchSource implements WorkspaceSource {
  view = $state.raw({ version: 0 });
  now = 0;
  meta = { id: 'bench' };
  constructor(readonly s2s: S2S) {}
  changed() {
    this.view = { version: this.s2s.sandbox.version };
  }
}
