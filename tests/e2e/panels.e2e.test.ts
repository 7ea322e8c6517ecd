import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex, forwardAccounts, summary } from './story.ts';

// The header's controls and the dock's panels, driven by role and label with the clock PLAYING
// wherever motion matters. One app per file: each test builds on the sandbox the last left.

const dock = (page: Page) => page.getByRole('region', { name: 'Simulation panels' });

async function openPanel(page: Page, name: string): Promise<Locator> {
  await dock(page).getByRole('tab', { name, exact: true }).click();
  return dock(page).getByRole('tabpanel', { name });
}

const playing = (page: Page) => page.evaluate(() => window.s2sApp!.session.clock.playing);
const inFlight = (page: Page) => page.evaluate(() => window.s2s!.inFlight().length);
const deliveries = (page: Page) => page.evaluate(() => window.s2s!.log({ kind: 'deliver' }).length);
/** Gives the page the focus, away from any control (a shortcut's usual situation). */
const focusPage = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement)?.blur());

/** Creates `n` Accounts in Acme and forwards them to Globex; returns their names. */
function forwardNew(page: Page, n: number, tag: string): Promise<string[]> {
  return page.evaluate(
    ({ n, tag }) => {
      const s2s = window.s2s!;
      const A = s2s.orgs()[0]!.adminId;
      const names: string[] = [];
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const name = `${tag} ${i}`;
        const r = s2s.dispatch({
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: name },
        });
        if (r.ok) {
          ids.push(r.id!);
          names.push(name);
        }
      }
      s2s.dispatch({
        type: 'record.forward',
        org: 'acme',
        as: A,
        recordIds: ids,
        connectionIds: [s2s.connections('acme')[0]!.Id],
      });
      return names;
    },
    { n, tag },
  );
}

/** The Account names Globex holds, among `names`. */
const globexHas = (page: Page, names: string[]) =>
  page.evaluate(
    (names) =>
      window
        .s2s!.records('globex', { object: 'Account' })
        .map((r) => String(r.fields.Name))
        .filter((n) => names.includes(n)),
    names,
  );

describe('header controls', () => {
  it('Space plays and pauses, → delivers the next message, ? shows the shortcuts', async ({
    app: s,
  }) => {
    const { page } = s;
    await connectAcmeAndGlobex(page);
    await forwardAccounts(page, 2);
    expect(await playing(page)).toBe(false);
    await focusPage(page);
    await page.keyboard.press('Space');
    await expect.poll(() => playing(page)).toBe(true);
    expect(await page.getByRole('button', { name: 'Pause the simulation' }).count()).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => playing(page)).toBe(false);

    // → delivers one message, whatever its time.
    expect(await inFlight(page)).toBeGreaterThan(0);
    const before = await deliveries(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => deliveries(page)).toBe(before + 1);

    // Typing a space in a field is typing, not a shortcut.
    const record = page.getByPlaceholder('Record Id or share');
    await record.fill('');
    await record.press('Space');
    expect(await playing(page)).toBe(false);
    await record.fill('');

    await focusPage(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const key of ['Space', '→', '←', '?'])
      expect(await help.getByRole('cell', { name: key, exact: true }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/panels-help.png' });
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await help.getByRole('button', { name: 'Close' }).click();
    await help.waitFor({ state: 'detached' });
    expect(s.problems).toEqual([]);
  });

  it('sets the speed on a log scale labelled as a multiple of real time', async ({ app: s }) => {
    const speed = s.page.getByLabel('Simulation speed');
    await speed.fill('6');
    expect(await s.page.evaluate(() => window.s2sApp!.session.clock.speed)).toBe(10);
    expect(await speed.getAttribute('aria-valuetext')).toBe('10× real time');
    await speed.fill('9');
    expect(await s.page.evaluate(() => window.s2sApp!.session.clock.speed)).toBe(100);
    await speed.fill('0');
    expect(await s.page.evaluate(() => window.s2sApp!.session.clock.speed)).toBe(0.1);
    // The controls keep their place and size whatever the state.
    const boxes = () =>
      s.page
        .getByRole('group', { name: 'Simulation clock' })
        .getByRole('button')
        .evaluateAll((els) => els.map((e) => JSON.stringify(e.getBoundingClientRect())));
    const before = await boxes();
    const wasPlaying = await playing(s.page);
    await focusPage(s.page);
    await s.page.keyboard.press('Space');
    await expect.poll(() => playing(s.page)).toBe(!wasPlaying);
    await s.page.waitForTimeout(300);
    expect(await boxes()).toEqual(before);
    if (wasPlaying) await s.page.keyboard.press('Space');
    await expect.poll(() => playing(s.page)).toBe(true);
    await speed.fill('6');
    expect(s.problems).toEqual([]);
  });
});

describe('Network panel', () => {
  it('pausing a connection holds its messages at the sender; resuming delivers them in order', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.evaluate(() => window.s2s!.runUntilIdle());
    const net = await openPanel(page, 'Network');
    await page.evaluate(() => window.s2sApp!.play());
    await net.getByLabel('Paused Acme → Globex').check();
    const names = await forwardNew(page, 3, 'Held');
    const wire = net.getByLabel('On the wire Acme → Globex');
    await expect.poll(() => wire.innerText()).toContain('3 held');
    await page.waitForTimeout(1500); // 15 s of virtual time at 10×: still held
    expect(await playing(page)).toBe(true);
    expect(await globexHas(page, names)).toEqual([]);
    const resumedAt = await page.evaluate(() => window.s2s!.sandbox.state.log.length);
    await net.getByLabel('Paused Acme → Globex').uncheck();
    await expect.poll(() => globexHas(page, names), { timeout: 15_000 }).toHaveLength(3);
    expect(await wire.innerText()).not.toContain('held');
    // Delivered in the order they were sent: message ids rise along the receiver's log.
    const order = await page.evaluate(
      (from) =>
        window
          .s2s!.log({ org: 'globex', kind: 'deliver' })
          .filter((e) => e.i >= from && e.data?.body === 'RecordForwarded')
          .map((e) => e.msg!),
      resumedAt,
    );
    expect(order).toHaveLength(3);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it('an org taken offline and brought back drains its queue', async ({ app: s }) => {
    const { page } = s;
    const net = await openPanel(page, 'Network');
    await net.getByRole('button', { name: 'Take Globex offline' }).click();
    await expect.poll(() => net.getByText('Offline', { exact: true }).count()).toBe(1);
    const names = await forwardNew(page, 2, 'Queued');
    const wire = net.getByLabel('On the wire Acme → Globex');
    await expect.poll(() => wire.innerText()).toContain('2 held');
    await page.waitForTimeout(1000);
    expect(await globexHas(page, names)).toEqual([]);
    await net.getByRole('button', { name: 'Bring Globex back online' }).click();
    await expect.poll(() => globexHas(page, names), { timeout: 15_000 }).toHaveLength(2);
    await expect.poll(() => wire.innerText()).not.toContain('held');
    // Both were commands: they are in the scenario, so they replay and persist.
    const commands = await page.evaluate(() =>
      window.s2s!.scenario().commands.map((c) => c.command.type),
    );
    expect(commands.filter((t) => t === 'org.setOffline')).toHaveLength(2);
    expect(commands.filter((t) => t === 'link.set').length).toBeGreaterThanOrEqual(2);
    expect(s.problems).toEqual([]);
  });
});

describe('Consistency panel', () => {
  it('concurrent edits with reordering on and the guarantees off show a named anomaly linked to its events', async ({
    app: s,
  }) => {
    const { page } = s;
    await page.getByLabel('Simulation speed').fill('6'); // 10×
    await page.evaluate(() => window.s2sApp!.play());
    const net = await openPanel(page, 'Network');
    for (const dir of ['Acme → Globex', 'Globex → Acme']) {
      await net.getByLabel(`Jitter ${dir} (ms)`).fill('3000');
      await net.getByLabel(`Jitter ${dir} (ms)`).press('Enter');
      await net.getByLabel(`Reordering ${dir}`).check();
      await net.getByLabel(`In order ${dir}`).uncheck();
      await net.getByLabel(`Dedupe ${dir}`).uncheck();
    }
    expect(await page.evaluate(() => window.s2s!.links()['acme>globex'])).toMatchObject({
      jitterMs: 3000,
      reorder: true,
      inOrder: false,
      dedupe: false,
    });
    // Both sides edit the same shared Account before either change arrives, a few times.
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const share = s2s.recordConnections('acme').find((p) => p.LocalRecordId)!;
      const mine = share.LocalRecordId!;
      const theirs = s2s
        .records('globex', { object: 'Account' })
        .find((r) => r.fields.Name === s2s.record('acme', mine)!.record.fields.Name)!.Id;
      for (let k = 0; k < 4; k++) {
        s2s.dispatch({
          type: 'record.update',
          org: 'acme',
          as: acme!.adminId,
          id: mine,
          values: { Phone: `555-10${k}` },
        });
        s2s.dispatch({
          type: 'record.update',
          org: 'globex',
          as: globex!.adminId,
          id: theirs,
          values: { Phone: `555-20${k}` },
        });
      }
    });
    await expect.poll(() => inFlight(page), { timeout: 30_000 }).toBe(0);
    const panel = await openPanel(page, 'Consistency');
    const anomalies = panel.getByRole('list', { name: /^Anomalies/ });
    await expect.poll(() => anomalies.getByRole('listitem').count()).toBeGreaterThan(0);
    const named = await anomalies
      .getByRole('listitem')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(named.some((k) => k === 'lost update' || k === 'non-convergence')).toBe(true);
    await panel
      .getByRole('button', { name: /^Compare copies/ })
      .first()
      .click();
    await expect
      .poll(() => panel.getByRole('region', { name: /^Copies of Account/ }).count())
      .toBe(1);
    const copies = panel.getByRole('region', { name: /^Copies of Account/ });
    await copies.scrollIntoViewIfNeeded();
    // The side-by-side view marks the fields on which the copies differ.
    expect(await copies.locator('tr[data-differs="true"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/panels-consistency.png' });
    expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);

    // An event link opens the Timeline on that event.
    const link = anomalies.getByRole('button', { name: /^Show event #\d+$/ }).first();
    const event = Number((await link.innerText()).replace(/\D/g, ''));
    await link.click();
    const timeline = dock(page).getByRole('tabpanel', { name: 'Timeline' });
    const row = timeline.locator(`li[data-event="${event}"]`);
    await row.waitFor();
    expect(await row.getAttribute('aria-current')).toBe('true');
    expect(await row.isVisible()).toBe(true);
    expect(s.problems).toEqual([]);
  });
});

const counter = (page: Page) => page.getByTestId('event-counter').innerText();
const position = (page: Page) =>
  page.evaluate(() => {
    const t = window.s2sApp!.session.timeline;
    return { position: t.position, total: t.total, rewound: t.rewound };
  });

describe('Timeline panel', () => {
  it('shades the periods with faults and filters by kind', async ({ app: s }) => {
    const { page } = s;
    const panel = await openPanel(page, 'Timeline');
    await panel.getByLabel('Kind').selectOption('info');
    const list = panel.getByRole('region', { name: 'Event log' });
    const paused = panel.locator('li', { hasText: '{"paused":true}' }).first();
    // The list follows the newest events: scroll back to where the first fault began.
    const k = await page.evaluate(() => {
      const start = window.s2s!.faultPeriods()[0]!.startEvent;
      return window.s2s!.log({ kind: 'info' }).findIndex((e) => e.i >= start);
    });
    await expect
      .poll(async () => {
        await list.evaluate((el, k) => (el.scrollTop = k * 22 - 40), k);
        return paused.count();
      })
      .toBe(1);
    expect(await paused.getAttribute('class')).toContain('fault');
    expect(await paused.innerText()).toContain('paused (Acme → Globex)');
    // Before the first fault, nothing is shaded.
    expect(await panel.locator('li').first().getAttribute('class')).not.toContain('fault');
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    const start = await page.evaluate(() => window.s2s!.faultPeriods()[0]!.startEvent);
    await expect
      .poll(async () => {
        await list.evaluate((el, i) => (el.scrollTop = i * 22 - 60), start);
        return panel.locator(`li[data-event="${start}"]`).count();
      })
      .toBe(1);
    expect(
      await panel.locator(`li[data-event="${start - 1}"]`).getAttribute('class'),
    ).not.toContain('fault');
    expect(await panel.locator(`li[data-event="${start}"]`).getAttribute('class')).toContain(
      'fault',
    );
    await page.screenshot({ path: '/tmp/panels-timeline-fault.png' });
    expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it('the scrubber rewinds to an earlier event and playing forward reaches the same end state', async ({
    app: s,
  }) => {
    const { page } = s;
    await expect.poll(() => inFlight(page), { timeout: 30_000 }).toBe(0);
    await page.evaluate(() => window.s2sApp!.pause());
    const end = await summary(page);
    const { total } = await position(page);
    const panel = await openPanel(page, 'Timeline');
    const target = Math.floor(total / 2);
    await panel.getByLabel('Rewind to event').fill(String(target));
    await expect.poll(() => position(page)).toMatchObject({ rewound: true, total });
    const at = (await position(page)).position;
    expect(at).toBeGreaterThanOrEqual(target);
    expect(at).toBeLessThan(total);
    expect(await counter(page)).toBe(`event ${at} of ${total}`);
    expect(await summary(page)).not.toEqual(end);

    // ← and → step through the recorded run.
    await focusPage(page);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await position(page)).position).toBeLessThan(at);
    const back = (await position(page)).position;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await position(page)).position).toBeGreaterThan(back);

    // Playing forward at 100× replays the run to its end, the same end as before.
    await page.getByLabel('Simulation speed').fill('9');
    await page.getByRole('button', { name: 'Play the simulation' }).click();
    await expect
      .poll(() => position(page), { timeout: 60_000 })
      .toMatchObject({ rewound: false, position: total });
    await page.evaluate(() => window.s2sApp!.pause());
    expect(await summary(page)).toEqual(end);
    expect(s.problems).toEqual([]);
  });

  it('acting after a rewind forks the run, and Compare runs shows the records that differ', async ({
    app: s,
  }) => {
    const { page } = s;
    const { total } = await position(page);
    const panel = await openPanel(page, 'Timeline');
    // Back to before the concurrent edits: the first event of the last fault period's run.
    const before = await page.evaluate(() => {
      const edits = window
        .s2s!.log({ kind: 'command' })
        .filter((e) => (e.data?.command as { type: string }).type === 'record.update');
      return edits[0]!.i;
    });
    await panel.getByLabel('Rewind to event').fill(String(before));
    await expect.poll(() => position(page)).toMatchObject({ rewound: true, total });
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const A = s2s.orgs()[0]!.adminId;
      const r = s2s.records('acme', { object: 'Account' }).find((r) => r.fields.Name === 'Held 0')!;
      s2s.dispatch({
        type: 'record.update',
        org: 'acme',
        as: A,
        id: r.Id,
        values: { Phone: '555-FORK' },
      });
    });
    await expect.poll(() => position(page)).toMatchObject({ rewound: false });
    const compare = panel.getByRole('region', { name: 'Compare runs' });
    await compare.waitFor({ timeout: 15_000 });
    await compare.getByRole('button', { name: 'Compare runs' }).click();
    const table = compare.getByRole('table', { name: 'Records that differ between the runs' });
    await table.waitFor();
    const held = table.getByRole('row', { name: /Held 0/ });
    expect(await held.count()).toBeGreaterThan(0);
    expect(await held.first().innerText()).toContain('555-FORK');
    // The concurrent edits of the original run are missing from the fork: those differ too.
    expect(await table.getByRole('cell', { name: 'Phone', exact: true }).count()).toBeGreaterThan(
      1,
    );
    await page.screenshot({ path: '/tmp/panels-compare.png' });
    expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
    expect(s.problems).toEqual([]);
  });
});

describe('Sync lag panel', () => {
  it('loads uPlot only when opened and draws the lag of each direction', async ({ app: s }) => {
    const { page } = s;
    const loaded = () =>
      page.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /LagPanel/.test(e.name)),
      );
    expect(await loaded()).toBe(false);
    // Updates cross both ways while the clock plays (the fork's own update among them).
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const mine = s2s
        .records('acme', { object: 'Account' })
        .find((r) => r.fields.Name === 'Held 1')!;
      const theirs = s2s
        .records('globex', { object: 'Account' })
        .find((r) => r.fields.Name === 'Held 2')!;
      for (let k = 0; k < 6; k++) {
        s2s.dispatch({
          type: 'record.update',
          org: 'acme',
          as: acme!.adminId,
          id: mine.Id,
          values: { Phone: `555-30${k}` },
        });
        s2s.dispatch({
          type: 'record.update',
          org: 'globex',
          as: globex!.adminId,
          id: theirs.Id,
          values: { Phone: `555-40${k}` },
        });
        s2s.advance(1500);
      }
      window.s2sApp!.play();
    });
    await expect.poll(() => inFlight(page), { timeout: 30_000 }).toBe(0);
    const panel = await openPanel(page, 'Sync lag');
    await expect.poll(loaded).toBe(true);
    const chart = panel.getByTestId('lag-chart');
    await expect
      .poll(async () => Number(await chart.getAttribute('data-series')))
      .toBeGreaterThan(0);
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    // Something is drawn: the canvas is not blank.
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 3; k < d.length; k += 4) if (d[k]! > 0) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(500);
    expect(await panel.getByText('Acme → Globex').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/panels-lag.png' });
    expect(await seriousViolations(page, '[role="tabpanel"]')).toEqual([]);
    expect(s.problems).toEqual([]);
  });

  it('the open tab and the filters survive a reload', async ({ app: s }) => {
    const { page } = s;
    const panel = await openPanel(page, 'Timeline');
    await panel.getByLabel('Org').selectOption('globex');
    await panel.getByLabel('Kind').selectOption('deliver');
    await page.reload();
    await page.waitForFunction(() => !!window.s2sApp && !!window.s2s);
    const tab = dock(page).getByRole('tab', { name: 'Timeline', exact: true });
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    const again = dock(page).getByRole('tabpanel', { name: 'Timeline' });
    await expect.poll(() => again.getByLabel('Org').inputValue()).toBe('globex');
    expect(await again.getByLabel('Kind').inputValue()).toBe('deliver');
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    expect(s.problems).toEqual([]);
  });
});

describe('seed', () => {
  it('is shown, and a new sandbox can be given one', async ({ app: s }) => {
    const { page } = s;
    await page.getByRole('button', { name: /^Sandbox .*, menu$/ }).click();
    await page.getByRole('button', { name: 'New…' }).click();
    await page.getByLabel('Name of the new sandbox').fill('Seeded');
    await page.getByLabel(/^Seed/).fill('4242');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('sandbox-name').innerText()).toBe('Seeded');
    await expect.poll(() => page.getByTestId('seed').innerText()).toBe('seed 4242');
    expect(await page.evaluate(() => window.s2s!.scenario().seed)).toBe(4242);
    expect(s.problems).toEqual([]);
  });
});
