import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex, forwardAccounts } from './story.ts';

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
