/**
 * Runs in Chromium (served by Vite): the app's play loop at 10× while a list view's Forward
 * to Connections sends 10,000 Accounts, as the Forward dialog does (a slice a frame), until
 * the partner holds every copy and nothing is in flight. Frame intervals and long tasks are
 * measured, and the same loop idle (nothing in flight) is the baseline.
 */
import { S2S } from '../src/engine/api.ts';
import { connectedAccounts } from '../src/engine/presets/connectedOrgs.ts';
import { Clock } from '../src/app/clock.svelte.ts';
import { buildView, type SandboxView } from '../src/app/view.ts';
import { dispatchSliced } from '../src/app/slicedForward.ts';

export interface BulkFigures {
  records: number;
  idleFrameMs: number;
  idleLongestFrameMs: number;
  longestFrameMs: number;
  longestTaskMs: number;
  longestSliceMs: number;
  wholeCommandMs: number;
  longestViewMs: number;
  frames: number;
  virtualMs: number;
}

const N = 10_000;
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function world(n = N) {
  const s2s = S2S.create({ seed: 5 });
  const { A, aConn } = connectedAccounts(s2s, ['Name', 'Phone']);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = s2s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: `Bulk ${i}`, Phone: `555-${i}` },
    });
    if (r.ok) ids.push(r.id!);
  }
  return { s2s, A, aConn, ids };
}

/** The same work on a small world first, so the measured run is not the code's first. */
function warmUp() {
  const w = world(600);
  w.s2s.dispatch({
    type: 'record.forward',
    org: 'a',
    as: w.A,
    recordIds: w.ids,
    connectionIds: [w.aConn],
  });
  w.s2s.sandbox.runUntilIdle();
  buildView(w.s2s);
}

async function measure(): Promise<BulkFigures> {
  warmUp();
  const { s2s, A, aConn, ids } = world();
  // The session's tick: views rebuilt when the sandbox changed.
  let view: SandboxView | null = null;
  let viewMs = 0;
  const clock = new Clock(
    () => s2s,
    () => {
      const t0 = performance.now();
      if (view?.version !== s2s.sandbox.version) view = buildView(s2s);
      viewMs = Math.max(viewMs, performance.now() - t0);
    },
  );
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  clock.setSpeed(10);
  clock.play();
  // Idle: the loop runs with nothing in flight.
  const idle: number[] = [];
  let last = await frame();
  for (let k = 0; k < 90; k++) {
    const t = await frame();
    idle.push(t - last);
    last = t;
  }
  const idleTasks = tasks.length;
  const slices: number[] = [];
  const cmd = {
    type: 'record.forward' as const,
    org: 'a',
    as: A,
    recordIds: ids,
    connectionIds: [aConn],
  };
  const startNow = s2s.now;
  const sent = dispatchSliced((c) => {
    const t0 = performance.now();
    const r = s2s.dispatch(c);
    slices.push(performance.now() - t0);
    return r;
  }, cmd);
  const busy: number[] = [];
  last = await frame();
  let frames = 0;
  let done = false;
  void sent.then((r) => {
    if (!r.ok) throw new Error(r.reason);
    done = true;
  });
  while (!done || s2s.sandbox.network.size > 0 || s2s.recordCounts('b').Account !== N) {
    const t = await frame();
    busy.push(t - last);
    last = t;
    if (++frames > 20_000) throw new Error('the bulk forward never finished');
  }
  clock.pause();
  observer.disconnect();
  const virtualMs = s2s.now - startNow;
  // For the note: the same forward as one command, in a fresh copy of the world.
  const copy = world();
  const t0 = performance.now();
  copy.s2s.dispatch({ ...cmd, as: copy.A, recordIds: copy.ids, connectionIds: [copy.aConn] });
  const wholeCommandMs = performance.now() - t0;
  return {
    records: N,
    idleFrameMs: median(idle),
    idleLongestFrameMs: Math.max(...idle),
    longestFrameMs: Math.max(...busy),
    longestTaskMs: Math.max(0, ...tasks.slice(idleTasks)),
    longestSliceMs: Math.max(...slices),
    wholeCommandMs,
    longestViewMs: viewMs,
    frames,
    virtualMs,
  };
}

measure()
  .then((r) => (window.__benchResult = r))
  .catch((e: unknown) => (window.__benchResult = { error: (e as Error).message }));
