import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSandbox, waitForApp, type Session } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex } from './story.ts';
import { workspaceOf } from './workspace.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

const layoutSwitch = (page: Page) => page.getByRole('combobox', { name: 'Layout' });

async function chooseLayout(page: Page, label: 'Workspaces' | 'Split' | 'Stage') {
  await layoutSwitch(page).selectOption({ label });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.layout))
    .toBe(label.toLowerCase());
}

/** Waits until the canvas has fitted its content again (the viewport stops moving). */
async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(
          () =>
            document.querySelector<HTMLElement>('.svelte-flow__viewport')?.style.transform ?? '',
        );
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 250 },
    )
    .toBe(true);
}

/** Every text box on the canvas (node and edge labels, legend, controls), as page rectangles. */
function canvasTextBoxes(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.svelte-flow')!;
    const boxes: { text: string; x: number; y: number; w: number; h: number }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (!text) continue;
      const el = n.parentElement!;
      // Read by screen readers only, or folded away: not drawn.
      if (el.closest('.visually-hidden, details:not([open]) > :not(summary)')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      boxes.push({ text, x: r.x, y: r.y, w: r.width, h: r.height });
    }
    return boxes;
  });
}

/** The rectangles of the org nodes, the zoom buttons and the legend. */
function furniture(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height };
    };
    return {
      nodes: [...document.querySelectorAll('.svelte-flow__node')].map(rect),
      covers: [
        ...document.querySelectorAll('.svelte-flow__controls, .svelte-flow__panel .legend'),
      ].map(rect),
    };
  });
}

type Box = { x: number; y: number; w: number; h: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

async function expectNothingOverlaps(page: Page, what: string) {
  const boxes = await canvasTextBoxes(page);
  expect(boxes.length, what).toBeGreaterThan(5);
  const clashes: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (intersects(boxes[i]!, boxes[j]!)) clashes.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
  expect(clashes, what).toEqual([]);
  const { nodes, covers } = await furniture(page);
  expect(nodes.length, what).toBeGreaterThanOrEqual(2);
  expect(covers.length, what).toBe(2);
  for (const n of nodes) for (const c of covers) expect(intersects(n, c), what).toBe(false);
}

async function connected(size: { width: number; height: number }): Promise<Session> {
  const s = await openSandbox();
  await s.page.setViewportSize(size);
  await waitForApp(s.page);
  await connectAcmeAndGlobex(s.page, false);
  return s;
}

describe('the layouts', () => {
  for (const size of SIZES)
    it(`Workspaces, Split and Stage at ${size.width}×${size.height}: kept on reload, nothing on the canvas overlaps, axe passes`, async () => {
      const s = await connected(size);
      const { page } = s;
      const tag = `${size.width}x${size.height}`;
      try {
        // A returning visitor starts in Workspaces: both workspaces beside the canvas.
        expect(await layoutSwitch(page).inputValue()).toBe('workspaces');
        expect(await workspaceOf(page, 'Acme').isVisible()).toBe(true);
        expect(await workspaceOf(page, 'Globex').isVisible()).toBe(true);
        await settled(page);
        await expectNothingOverlaps(page, `workspaces ${tag}`);
        expect(await seriousViolations(page)).toEqual([]);
        await s.screenshot(`stage-layout-workspaces-${tag}`);

        // Split: the canvas and one workspace, the org chosen beside the switch.
        await chooseLayout(page, 'Split');
        expect(await workspaceOf(page, 'Acme').isVisible()).toBe(true);
        expect(await workspaceOf(page, 'Globex').count()).toBe(0);
        await page.getByRole('combobox', { name: 'Workspace' }).selectOption({ label: 'Globex' });
        await workspaceOf(page, 'Globex').waitFor();
        expect(await workspaceOf(page, 'Acme').count()).toBe(0);
        await settled(page);
        await expectNothingOverlaps(page, `split ${tag}`);
        expect(await seriousViolations(page)).toEqual([]);
        await s.screenshot(`stage-layout-split-${tag}`);

        // Stage: the canvas alone under the header, no dock, no workspace.
        await chooseLayout(page, 'Stage');
        expect(await workspaceOf(page, 'Acme').count()).toBe(0);
        expect(await page.getByRole('region', { name: 'Simulation panels' }).isVisible()).toBe(
          false,
        );
        await settled(page);
        await expectNothingOverlaps(page, `stage ${tag}`);
        expect(await seriousViolations(page)).toEqual([]);
        await s.screenshot(`stage-layout-stage-${tag}`);

        // Kept across a reload, Split's org too.
        await page.reload();
        await waitForApp(page);
        expect(await layoutSwitch(page).inputValue()).toBe('stage');
        await chooseLayout(page, 'Split');
        await workspaceOf(page, 'Globex').waitFor();
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    });

  it('Stage at 1280×720: org names at 16 px or more on screen, the canvas over 70 % of the viewport', async () => {
    const s = await connected({ width: 1280, height: 720 });
    const { page } = s;
    try {
      await chooseLayout(page, 'Stage');
      await settled(page);
      const m = await page.evaluate(() => {
        const zoom = Number(
          /scale\(([\d.]+)\)/.exec(
            document.querySelector<HTMLElement>('.svelte-flow__viewport')!.style.transform,
          )![1],
        );
        const names = [...document.querySelectorAll<HTMLElement>('.svelte-flow__node .name')];
        const c = document.querySelector('.svelte-flow')!.getBoundingClientRect();
        return {
          zoom,
          fonts: names.map((n) => parseFloat(getComputedStyle(n).fontSize) * zoom),
          heights: names.map((n) => n.getBoundingClientRect().height),
          canvas: (c.width * c.height) / (innerWidth * innerHeight),
        };
      });
      expect(m.fonts).toHaveLength(2);
      for (const f of m.fonts) expect(f).toBeGreaterThanOrEqual(16);
      for (const h of m.heights) expect(h).toBeGreaterThanOrEqual(16);
      expect(m.canvas).toBeGreaterThanOrEqual(0.7);
      await s.screenshot('stage-sizes-1280x720');
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('the stage drawers', () => {
  for (const size of SIZES)
    it(`at ${size.width}×${size.height}: clicking an org opens its workspace from its side; Accept works in it; Esc closes and focus returns`, async () => {
      const s = await connected(size);
      const { page } = s;
      const tag = `${size.width}x${size.height}`;
      try {
        await chooseLayout(page, 'Stage');
        await settled(page);
        // Globex is drawn on the right: its drawer comes from the right.
        await page.locator('.svelte-flow__node[data-id="globex"] .name').click();
        const drawer = page.getByRole('dialog', { name: 'Globex workspace' });
        await drawer.waitFor();
        const box = (await drawer.boundingBox())!;
        expect(box.x + box.width).toBeCloseTo(size.width, -1);
        const globex = workspaceOf(page, 'Globex');
        await globex.getByRole('tab', { name: 'Connections' }).click();
        const list = globex.getByRole('table', { name: 'Connections' });
        await expect.poll(() => list.innerText()).toContain('Invitation Received');
        await list.getByRole('button', { name: 'Acme' }).click();
        await globex.getByRole('button', { name: 'Accept', exact: true }).click();
        const accept = page.getByRole('dialog', { name: 'Accept Invitation' });
        await accept.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await s.screenshot(`stage-drawer-accept-${tag}`);
        await accept.getByRole('button', { name: 'Accept' }).click();
        await accept.waitFor({ state: 'detached' });
        // CONN-3: the acceptance is recorded in Globex and travels to Acme.
        await expect
          .poll(() => page.evaluate(() => window.s2s!.connections('globex')[0]!.ConnectionStatus))
          .toBe('Accepted');
        await page.getByRole('button', { name: /^Run until idle/ }).click();
        await expect
          .poll(() => page.evaluate(() => window.s2s!.connections('acme')[0]!.ConnectionStatus))
          .toBe('Accepted');
        await s.screenshot(`stage-drawer-${tag}`);

        // Esc closes it; the keyboard path: the node's button opens Acme's, from the left.
        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'detached' });
        const open = page.getByRole('button', { name: 'Open workspace: Acme' });
        await open.focus();
        await page.keyboard.press('Enter');
        const acme = page.getByRole('dialog', { name: 'Acme workspace' });
        await acme.waitFor();
        expect((await acme.boundingBox())!.x).toBe(0);
        await page.keyboard.press('Escape');
        await acme.waitFor({ state: 'detached' });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
          'Open workspace: Acme',
        );
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    });
});

const tokenPixels = (page: Page) =>
  page.getByTestId('token-layer').screenshot({ animations: 'allow' });

describe('a preset on the stage', () => {
  for (const size of SIZES)
    it(`at ${size.width}×${size.height}: opens paused at its start beside what to watch; → steps one delivery; Play the story moves the messages`, async () => {
      const s = await openSandbox();
      const { page } = s;
      const tag = `${size.width}x${size.height}`;
      try {
        await page.setViewportSize(size);
        await waitForApp(page);
        await chooseLayout(page, 'Stage');
        await page.getByRole('button', { name: 'Presets' }).click();
        await page
          .getByRole('group', { name: 'Presets' })
          .getByRole('button', { name: /^Edge case: concurrent edits/ })
          .click();
        const play = page.getByRole('button', { name: 'Play the story' });
        await play.waitFor({ timeout: 15_000 });
        const note = page.getByRole('region', { name: 'Preset: what to watch' });
        expect(await note.innerText()).toContain('The two updates cross on the wire');
        expect(await note.getByRole('button', { name: 'Play the story' }).count()).toBe(1);
        // At its start, paused: both updates on the wire, nothing moving.
        const clock = () => page.evaluate(() => window.s2sApp!.session.clock.playing);
        expect(await clock()).toBe(false);
        const tokens = page.getByTestId('token-layer');
        await expect.poll(() => tokens.getAttribute('data-tokens')).toBe('2');
        const start = await page.evaluate(() => window.s2s!.now);
        await page.waitForTimeout(500);
        expect(await page.evaluate(() => window.s2s!.now)).toBe(start);
        await settled(page);
        // The note beside the stage leaves the canvas most of the screen.
        const share = await page.evaluate(() => {
          const c = document.querySelector('.svelte-flow')!.getBoundingClientRect();
          return (c.width * c.height) / (innerWidth * innerHeight);
        });
        await s.screenshot(`stage-preset-start-${tag}`);
        expect(share).toBeGreaterThanOrEqual(0.7);

        // Play: the clock runs at 1×, the updates travel about three seconds.
        const before = await tokenPixels(page);
        await play.click();
        await play.waitFor({ state: 'detached' });
        expect(await clock()).toBe(true);
        await page.waitForTimeout(400);
        const after = await tokenPixels(page);
        // Other pixels: the tokens moved while playing.
        expect(Buffer.compare(before, after)).not.toBe(0);
        expect(await page.evaluate(() => window.s2s!.now)).toBeGreaterThan(start);
        await s.screenshot(`stage-preset-playing-${tag}`);

        // Paused again, → delivers one message at a time.
        await page.getByRole('button', { name: /^Pause/ }).click();
        await page.locator('.svelte-flow__pane').click({ position: { x: 20, y: 20 } });
        const inFlight = () => page.evaluate(() => window.s2s!.inFlight().length);
        const n = await inFlight();
        expect(n).toBeGreaterThan(0);
        await page.keyboard.press('ArrowRight');
        await expect.poll(inFlight).toBe(n - 1);
        expect(await clock()).toBe(false);
        expect(s.problems).toEqual([]);
      } finally {
        await s.close();
      }
    });
});

describe('presenter mode', () => {
  it('uses Stage: P turns it on, the canvas is enlarged and readable; off brings Workspaces back', async () => {
    const s = await connected({ width: 1280, height: 720 });
    const { page } = s;
    try {
      await page.locator('body').click({ position: { x: 640, y: 400 } });
      await page.keyboard.press('p');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.layout))
        .toBe('stage');
      expect(
        await page.evaluate(() => document.documentElement.hasAttribute('data-presenter')),
      ).toBe(true);
      expect(await layoutSwitch(page).inputValue()).toBe('stage');
      expect(await workspaceOf(page, 'Acme').count()).toBe(0);
      await settled(page);
      const name = await page.evaluate(() =>
        [...document.querySelectorAll('.svelte-flow__node .name')].map(
          (n) => n.getBoundingClientRect().height,
        ),
      );
      for (const h of name) expect(h).toBeGreaterThanOrEqual(16);
      await expectNothingOverlaps(page, 'presenter');
      expect(await seriousViolations(page)).toEqual([]);
      await s.screenshot('stage-presenter-1280x720');
      await page.keyboard.press('p');
      await expect
        .poll(() => page.evaluate(() => document.documentElement.dataset.layout))
        .toBe('workspaces');
      await workspaceOf(page, 'Acme').waitFor();
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
