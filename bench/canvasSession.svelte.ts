import type { S2S } from '../src/engine/api.ts';
import { Clock } from '../src/app/clock.svelte.ts';
import { buildView, EMPTY_VIEW, type SandboxView } from '../src/app/view.ts';

/** Stands in for the app's session around the canvas: the play loop and the view it rebuilds. */
export class CanvasSession {
  props = $state<{ view: SandboxView }>({ view: EMPTY_VIEW });
  readonly clock: Clock;
  constructor(readonly s2s: S2S) {
    this.clock = new Clock(
      () => s2s,
      () => {
        if (s2s.sandbox.version !== this.props.view.version) this.props.view = buildView(s2s);
      },
    );
    this.props.view = buildView(s2s);
  }
}
