/**
 * Runs in Chromium (served by Vite): the main area as the app mounts it, with two connected
 * orgs. Times, from the action to the next frame with its layout done: a plain re-render (a
 * fresh view of the same sandbox), a layout switch (Workspaces → Split → Stage → …), and
 * opening an org's workspace drawer in Stage. Each is the median of many tries, alternated.
 */
import { flushSync, mount } from 'svelte';
import '../src/app/global.css';
import { MemoryStore } from '../src/persistence/memoryStore.ts';
import { SandboxSession } from '../src/app/session.svelte.ts';
import MainArea from '../src/ui/stage/MainArea.svelte';
import { layout } from '../src/ui/stage/layout.svelte.ts';
import { drawer, openDrawer } from '../src/ui/stage/drawer.svelte.ts';
import { LAYOUTS } from '../src/ui/stage/layoutChoice.ts';

export interface StageFigures {
  rerenderMs: number;
  switchMs: number;
  drawerMs: number;
  tries: number;
}

const TRIES = 25;
const nextFrame = () => new Promise<number>((r) => requestAnimationFrame(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** From the action to the next frame, with style and layout done in it. */
async function timed(action: () => void): Promise<number> {
  await nextFrame();
  const t0 = performance.now();
  action();
  flushSync();
  await nextFrame();
  void document.body.offsetHeight;
  return performance.now() - t0;
}

function connect(session: SandboxSession) {
  const s2s = session.s2s!;
  const [acme, globex] = s2s.orgs();
  const A = acme!.adminId;
  const G = globex!.adminId;
  s2s.run([
    { type: 's2s.enable', org: 'acme', as: A },
    { type: 's2s.enable', org: 'globex', as: G },
  ]);
  const [acc] = s2s.run([
    { type: 'record.create', org: 'acme', as: A, object: 'Account', values: { Name: 'Globex' } },
  ]) as { id: string }[];
  const [lee] = s2s.run([
    {
      type: 'record.create',
      org: 'acme',
      as: A,
      object: 'Contact',
      values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: acc!.id },
    },
  ]) as { id: string }[];
  s2s.run([{ type: 'connection.invite', org: 'acme', as: A, contactId: lee!.id }]);
  s2s.runUntilIdle();
  s2s.run([
    {
      type: 'connection.accept',
      org: 'globex',
      as: G,
      connectionId: s2s.connections('globex')[0]!.Id,
    },
  ]);
  s2s.runUntilIdle();
  session.refresh();
}

async function run(): Promise<StageFigures> {
  const session = new SandboxSession(new MemoryStore('benchmark'));
  await session.createNew('Benchmark', 7);
  connect(session);
  layout.choose('workspaces');
  mount(MainArea, { target: document.getElementById('stage')!, props: { session } });
  flushSync();
  // Every layout and the drawer once, so their code and the workspace tabs are loaded.
  for (const l of LAYOUTS) {
    layout.choose(l);
    await new Promise((r) => setTimeout(r, 500));
  }
  openDrawer('globex');
  await new Promise((r) => setTimeout(r, 500));
  drawer.org = null;
  layout.choose('workspaces');
  await new Promise((r) => setTimeout(r, 500));

  const rerender: number[] = [];
  const switches: number[] = [];
  const drawers: number[] = [];
  for (let i = 0; i < TRIES; i++) {
    rerender.push(await timed(() => session.refresh()));
    for (const l of ['split', 'stage', 'workspaces'] as const)
      switches.push(await timed(() => layout.choose(l)));
    layout.choose('stage');
    await nextFrame();
    const org = i % 2 ? 'acme' : 'globex';
    drawers.push(await timed(() => openDrawer(org)));
    drawer.org = null;
    layout.choose('workspaces');
    await nextFrame();
    rerender.push(await timed(() => session.refresh()));
  }
  session.dispose();
  return {
    rerenderMs: median(rerender),
    switchMs: median(switches),
    drawerMs: median(drawers),
    tries: TRIES,
  };
}

run()
  .then((r) => (window.__benchResult = r))
  .catch((e: unknown) => (window.__benchResult = { error: (e as Error).message }));
