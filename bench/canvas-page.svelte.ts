/**
 * Runs in Chromium (served by Vite): the flow canvas, as the app mounts it, playing at 1× with
 * 2,000 messages in flight (latencies spread over a minute, so some land and acceptances go
 * back every frame, and the view is rebuilt as in the app), against the same canvas playing
 * with none in flight. Phases alternate, three of each; the figures are medians.
 */
import { flushSync, mount } from 'svelte';
import '../src/app/global.css';
import { S2S } from '../src/engine/api.ts';
import FlowCanvas from '../src/ui/canvas/FlowCanvas.svelte';
import { CanvasSession } from './canvasSession.svelte.ts';

export interface CanvasPhase {
  inFlight: number;
  fps: number;
  /** Longest main-thread task seen (long tasks are those over 50 ms; 0 when there was none). */
  longestTaskMs: number;
  /** Longest gap between two frames. */
  longestFrameMs: number;
}

export interface CanvasFigures {
  none: CanvasPhase[];
  loaded: CanvasPhase[];
  tokens: number;
  /** With SHARED records shared and MESSAGES in flight: record rows shown, and not. */
  rows: CanvasPhase[];
  noRows: CanvasPhase[];
  shared: number;
  rowsShown: number;
}

const MESSAGES = 2000;
const SHARED = 10_000;
const SECONDS = 3;

function world(): S2S {
  const s2s = S2S.create({ seed: 11 });
  s2s.run([
    { type: 'org.create', org: 'acme', name: 'Acme', domain: 'acme.example.com' },
    { type: 'org.create', org: 'globex', name: 'Globex', domain: 'globex.example.com' },
  ]);
  const [acme, globex] = s2s.orgs();
  const A = acme!.adminId;
  const G = globex!.adminId;
  s2s.run([
    { type: 's2s.enable', org: 'acme', as: A },
    { type: 's2s.enable', org: 'globex', as: G },
  ]);
  const [partner] = s2s.run([
    {
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Account',
      values: { Name: 'Globex' },
    },
  ]) as { id: string }[];
  const [lee] = s2s.run([
    {
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Contact',
      values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: partner!.id },
    },
  ]) as { id: string }[];
  s2s.run([{ type: 'connection.invite', org: 'acme', as: A, contactId: lee!.id }]);
  s2s.runUntilIdle();
  const gConn = s2s.connections('globex')[0]!.Id;
  s2s.run([{ type: 'connection.accept', org: 'globex', as: G, connectionId: gConn }]);
  s2s.runUntilIdle();
  const aConn = s2s.connections('acme')[0]!.Id;
  s2s.run([
    { type: 'connection.publish', org: 'acme', as: A, connectionId: aConn, object: 'Account' },
  ]);
  s2s.runUntilIdle();
  s2s.run([
    {
      type: 'connection.subscribe',
      org: 'globex',
      as: G,
      connectionId: gConn,
      partnerObject: 'Account',
      autoAccept: true,
    },
    {
      type: 'link.set',
      from: 'acme',
      to: 'globex',
      both: true,
      link: { latencyMs: 2000, jitterMs: 58_000, reorder: true },
    },
  ]);
  s2s.runUntilIdle();
  return s2s;
}

function forward(s2s: S2S, n: number, round: number) {
  const A = s2s.orgs()[0]!.adminId;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const [r] = s2s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: `Bench ${round}-${i}` },
      },
    ]) as { id: string }[];
    ids.push(r!.id);
  }
  s2s.dispatch({
    type: 'record.forward',
    org: 'acme',
    as: A,
    recordIds: ids,
    connectionIds: [s2s.connections('acme')[0]!.Id],
  });
}

const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(s2s: S2S, seconds = SECONDS): Promise<CanvasPhase> {
  const inFlight = s2s.inFlight().length;
  let longestTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, e.duration);
  });
  observer.observe({ type: 'longtask' });
  let frames = 0;
  let longestFrameMs = 0;
  let last = await nextFrame();
  const start = last;
  while (last - start < seconds * 1000) {
    const t = await nextFrame();
    longestFrameMs = Math.max(longestFrameMs, t - last);
    last = t;
    frames++;
  }
  observer.disconnect();
  return { inFlight, fps: (frames * 1000) / (last - start), longestTaskMs, longestFrameMs };
}

/** Slices of one phase taken together: frames over time, the longest task and frame. */
function merged(ps: CanvasPhase[]): CanvasPhase {
  const mean = (k: 'fps' | 'inFlight') => ps.reduce((n, p) => n + p[k], 0) / ps.length;
  return {
    inFlight: Math.round(mean('inFlight')),
    fps: mean('fps'),
    longestTaskMs: Math.max(...ps.map((p) => p.longestTaskMs)),
    longestFrameMs: Math.max(...ps.map((p) => p.longestFrameMs)),
  };
}

async function run(): Promise<CanvasFigures> {
  const s2s = world();
  const session = new CanvasSession(s2s);
  const stage = document.getElementById('stage')!;
  const shown = $state({ rows: true });
  mount(FlowCanvas, {
    target: stage,
    props: {
      get view() {
        return session.props.view;
      },
      current: () => s2s,
      selected: null,
      onselect: () => {},
      playing: () => session.clock.playing,
      get recordRows() {
        return shown.rows;
      },
    },
  });
  flushSync();
  session.clock.play();
  await wait(1000);
  const none: CanvasPhase[] = [];
  const loaded: CanvasPhase[] = [];
  let tokens = 0;
  for (let round = 0; round < 3; round++) {
    // The forward itself (2,000 records created and sent in one command) is not what is measured.
    forward(s2s, MESSAGES, round);
    await wait(500);
    const profile = round === 1 && location.search.includes('profile');
    if (profile) console.profile('loaded');
    loaded.push(await measure(s2s));
    if (profile) console.profileEnd('loaded');
    tokens = Number(
      document.querySelector<HTMLElement>('[data-testid=token-layer]')!.dataset.tokens,
    );
    s2s.runUntilIdle();
    await wait(500);
    none.push(await measure(s2s));
  }
  // Records on the canvas: SHARED records shared (accepted), then MESSAGES more in flight,
  // measured with the org nodes listing their records and without, in alternating order.
  session.clock.pause();
  const sharedSoFar = () => s2s.shareCounts('acme').shared;
  for (let round = 3; sharedSoFar() < SHARED; round++) {
    forward(s2s, Math.min(MESSAGES, SHARED - sharedSoFar()), round);
    s2s.runUntilIdle();
  }
  session.clock.play();
  await wait(1000);
  const rows: CanvasPhase[] = [];
  const noRows: CanvasPhase[] = [];
  const shared = sharedSoFar();
  let rowsShown = 0;
  for (let round = 0; round < 3; round++) {
    forward(s2s, MESSAGES, 100 + round);
    await wait(1000);
    // Short slices in turn, so both see the same messages in flight and the same landings.
    const slices: Record<'on' | 'off', CanvasPhase[]> = { on: [], off: [] };
    for (let k = 0; k < 6; k++) {
      const on = (k + round) % 2 === 0;
      shown.rows = on;
      await wait(150);
      slices[on ? 'on' : 'off'].push(await measure(s2s, 1));
      if (on) rowsShown = document.querySelectorAll('[data-testid=org-records] .row').length;
    }
    rows.push(merged(slices.on));
    noRows.push(merged(slices.off));
    s2s.runUntilIdle();
    await wait(300);
  }
  session.clock.pause();
  return { none, loaded, tokens, rows, noRows, shared, rowsShown };
}

run()
  .then((r) => (window.__benchResult = r))
  .catch((e: unknown) => (window.__benchResult = { error: (e as Error).message }));
