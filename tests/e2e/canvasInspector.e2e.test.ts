import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex } from './story.ts';
import { arrange, forward } from './tokenSteps.ts';

// Every test here runs with the clock PLAYING (the app's default), as a person would see it.

interface Mark {
  x: number;
  y: number;
  ids: number[];
  held: boolean;
}

const layer = (page: Page) => page.getByTestId('token-layer');

/** Where the tokens are drawn now (the canvas layer keeps its marks for tests). */
function marks(page: Page): Promise<Mark[]> {
  return layer(page).evaluate((c) =>
    ((c as HTMLCanvasElement & { marks: Mark[] }).marks ?? []).map((m) => ({
      x: m.x,
      y: m.y,
      ids: [...m.ids],
      held: m.held,
    })),
  );
}

async function clickMark(page: Page, pick: (m: Mark) => boolean) {
  const found = (await marks(page)).find(pick);
  expect(found, 'a token to click').toBeDefined();
  const box = (await layer(page).boundingBox())!;
  await page.mouse.click(box.x + found!.x, box.y + found!.y);
  return found!;
}

const setLink = (page: Page, link: Record<string, unknown>) =>
  page.evaluate(
    (link) =>
      window.s2s!.run([{ type: 'link.set', from: 'acme', to: 'globex', both: false, link }]),
    link,
  );

const playing = (page: Page) => page.evaluate(() => window.s2sApp!.session.clock.playing);

describe('the canvas while the clock plays', () => {
  it('a paused direction holds its tokens at the sender; resumed, they land in the order sent', async ({
    app: s,
  }) => {
    const { page } = s;
    await connectAcmeAndGlobex(page);
    await arrange(page, 1500);
    await page.evaluate(() => window.s2sApp!.play());
    await setLink(page, { paused: true, jitterMs: 0 });
    const label = page.getByRole('button', { name: /Inspect Acme to Globex/ });
    await expect.poll(() => label.innerText()).toContain('Paused');
    const sentAt = await forward(page, 3);
    await expect.poll(() => layer(page).getAttribute('data-held')).toBe('3');
    expect(await layer(page).getAttribute('data-tokens')).toBe('0');
    await page.waitForTimeout(2500);
    // Virtual time went past the latency; nothing moved, nothing arrived.
    expect(await page.evaluate(() => window.s2s!.now)).toBeGreaterThan(sentAt + 1500);
    expect(await layer(page).getAttribute('data-held')).toBe('3');
    expect(await playing(page)).toBe(true);
    const held = await page.evaluate(() =>
      window
        .s2s!.inFlight()
        .filter((m) => m.held)
        .map((m) => m.id),
    );
    await setLink(page, { paused: false });
    await expect.poll(() => layer(page).getAttribute('data-held')).toBe('0');
    await expect.poll(() => layer(page).getAttribute('data-tokens'), { timeout: 10_000 }).toBe('0');
    const delivered = await page.evaluate(
      (since) =>
        window
          .s2s!.log({ kind: 'deliver', org: 'globex', since })
          .map((e) => e.msg!)
          .filter((id) => id !== undefined),
      sentAt,
    );
    expect(delivered.filter((id) => held.includes(id))).toEqual([...held].sort((a, b) => a - b));
    expect(s.problems).toEqual([]);
  });

  it('clicking a moving token opens the inspector with its payload, where it is and when it lands', async ({
    app: s,
  }) => {
    const { page } = s;
    await setLink(page, { latencyMs: 30_000, jitterMs: 0 });
    await forward(page, 1);
    await expect.poll(() => layer(page).getAttribute('data-tokens')).toBe('1');
    await page.waitForTimeout(800);
    expect(await playing(page)).toBe(true);
    await clickMark(page, (m) => m.ids.length === 1 && !m.held);
    const inspector = page.getByRole('complementary', { name: /Message #\d+: Share Account/ });
    await inspector.waitFor();
    expect(await inspector.getByTestId('message-payload').innerText()).toContain(
      '"kind": "RecordForwarded"',
    );
    expect(await inspector.getByTestId('message-payload').innerText()).toContain('Moving');
    expect(await inspector.getByTestId('message-where').innerText()).toMatch(
      /On the wire, \d+ % of the way/,
    );
    expect(await inspector.getByTestId('message-lands').innerText()).toMatch(
      /t=\d+(\.\d+)? s \(in /,
    );
    // Out of turn only while paused.
    expect(await inspector.getByRole('button', { name: 'Deliver now' }).isDisabled()).toBe(true);
    await s.screenshot('canvas-message-inspector');
    await page.screenshot({ path: '/tmp/canvas-message-inspector.png' });
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'detached' });
    expect(s.problems).toEqual([]);
  });

  it("a connection's inspector draws the connection machine with the current state highlighted", async ({
    app: s,
  }) => {
    const { page } = s;
    await page.getByRole('button', { name: /Inspect Acme to Globex/ }).click();
    const inspector = page.getByRole('complementary', { name: 'Connection Acme → Globex' });
    await inspector.waitFor();
    const figure = inspector.getByTestId('lifecycle');
    expect(await figure.getAttribute('data-machine')).toBe('connection');
    // The states come from the machine: all seven, the final ones marked.
    const states = await figure
      .locator('g.state')
      .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.state));
    expect(states).toEqual([
      'New',
      'Pending',
      'Sent',
      'Received',
      'Accepted',
      'Rejected',
      'Inactive',
    ]);
    expect(
      await figure
        .locator('g.state.current')
        .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.state)),
    ).toEqual(['Accepted']);
    expect(await figure.locator('li[aria-current="step"]').innerText()).toContain('Accepted');
    const events = await inspector.getByTestId('lifecycle-events').innerText();
    expect(events).toMatch(/Acme: .*accepted|Globex: .*accept/i);
    // The keyboard's way to the tokens: the messages on this direction are listed as buttons.
    expect(
      await inspector.getByRole('list', { name: 'Messages in flight' }).getByRole('button').count(),
    ).toBeGreaterThan(0);
    expect(await seriousViolations(page, '.canvas')).toEqual([]);
    await page.screenshot({ path: '/tmp/canvas-inspector-lifecycle.png' });
    await s.screenshot('canvas-inspector-lifecycle');
    await inspector.getByRole('button', { name: 'Close the inspector' }).click();
    expect(s.problems).toEqual([]);
  });

  it('following a record draws only its messages and marks its copies, until stopped', async ({
    app: s,
  }) => {
    const { page } = s;
    await setLink(page, { latencyMs: 40_000, jitterMs: 0 });
    await forward(page, 3);
    const moving = () =>
      page.evaluate(() => String(window.s2s!.inFlight().filter((m) => !m.held).length));
    await expect
      .poll(async () => (await layer(page).getAttribute('data-tokens')) === (await moving()))
      .toBe(true);
    expect(Number(await moving())).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Inspect Acme', exact: true }).click();
    const org = page.getByRole('complementary', { name: 'Org Acme' });
    await org.waitFor();
    await org
      .getByRole('button', { name: /Account Moving .* Pending \(sent\)/ })
      .last()
      .click();
    const share = page.getByRole('complementary', { name: /Shared Account Moving/ });
    await share.waitFor();
    expect(await share.getByTestId('lifecycle').getAttribute('data-machine')).toBe('recordShare');
    expect(
      await share
        .getByTestId('lifecycle')
        .locator('g.state.current')
        .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset.state)),
    ).toEqual(['pending']);
    await share.getByRole('button', { name: 'Follow this record' }).click();
    await expect.poll(() => layer(page).getAttribute('data-tokens')).toBe('1');
    const banner = page.getByTestId('following');
    expect(await banner.innerText()).toContain('Following');
    expect(await page.locator('.svelte-flow__node .org.followed').count()).toBeGreaterThan(0);
    expect(await playing(page)).toBe(true);
    await page.screenshot({ path: '/tmp/canvas-following.png' });
    await banner.getByRole('button', { name: 'Stop following' }).click();
    await expect
      .poll(async () => (await layer(page).getAttribute('data-tokens')) === (await moving()))
      .toBe(true);
    expect(await page.getByTestId('following').count()).toBe(0);
    expect(s.problems).toEqual([]);
  });

  it('while paused, Deliver now lands a message out of turn', async ({ app: s }) => {
    const { page } = s;
    await forward(page, 2);
    await page.evaluate(() => window.s2sApp!.pause());
    await page.waitForTimeout(200);
    const before = await page.evaluate(() => window.s2s!.inFlight().map((m) => m.id));
    // The last one sent: on an in-order channel it would land last.
    const last = Math.max(...before);
    // The messages' card, as a person reads it on the canvas: gathered, it lists each message.
    await page
      .getByTestId('message-cards')
      .getByRole('button', { name: /^Forward · / })
      .click();
    if (
      !(await page.getByRole('complementary', { name: `Message #${last}: Share Account` }).count())
    )
      await page.getByRole('button', { name: new RegExp(`^#${last} `) }).click();
    const inspector = page.getByRole('complementary', { name: `Message #${last}: Share Account` });
    await inspector.getByRole('button', { name: 'Deliver now' }).click();
    await expect.poll(() => inspector.innerText()).toContain('no longer on the wire');
    const after = await page.evaluate(() => window.s2s!.inFlight().map((m) => m.id));
    expect(after).not.toContain(last);
    expect(after.length).toBe(before.length - 1);
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.s2sApp!.play());
    expect(s.problems).toEqual([]);
  });
});
