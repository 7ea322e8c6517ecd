import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { connectAcmeAndGlobex } from './story.ts';

// Tokens with the clock PLAYING (the app's default), not paused: issue 15 reported none drawn.

/** Account published by Acme and auto-accepted by Globex, with `latencyMs` on the link. */
async function arrange(page: Page, latencyMs: number) {
  await page.evaluate((latencyMs) => {
    const s2s = window.s2s!;
    const [acme, globex] = s2s.orgs();
    const aConn = s2s.connections('acme')[0]!.Id;
    const gConn = s2s.connections('globex')[0]!.Id;
    s2s.run([
      { type: 'link.set', from: 'acme', to: 'globex', both: true, link: { latencyMs } },
      {
        type: 'connection.publish',
        org: 'acme',
        as: acme!.adminId,
        connectionId: aConn,
        object: 'Account',
      },
    ]);
    s2s.runUntilIdle();
    s2s.run([
      {
        type: 'connection.subscribe',
        org: 'globex',
        as: globex!.adminId,
        connectionId: gConn,
        partnerObject: 'Account',
        autoAccept: true,
      },
    ]);
    s2s.runUntilIdle();
  }, latencyMs);
}

/** Forwards `n` new Accounts while the clock plays; returns the virtual time they left. */
function forward(page: Page, n: number): Promise<number> {
  return page.evaluate((n) => {
    const s2s = window.s2s!;
    const A = s2s.orgs()[0]!.adminId;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = s2s.dispatch({
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: `Moving ${Date.now()} ${i}` },
      });
      if (r.ok) ids.push(r.id!);
    }
    s2s.dispatch({
      type: 'record.forward',
      org: 'acme',
      as: A,
      recordIds: ids,
      connectionIds: [s2s.connections('acme')[0]!.Id],
    });
    return s2s.now;
  }, n);
}

const tokenPixels = (page: Page) =>
  page.getByTestId('token-layer').screenshot({ animations: 'allow' });

describe('tokens while the clock plays', () => {
  it('draws every message in flight and moves it along the edge', async ({ app: s }) => {
    const { page } = s;
    await connectAcmeAndGlobex(page);
    await arrange(page, 4000);
    await page.evaluate(() => window.s2sApp!.play());
    await forward(page, 12);
    const tokens = page.getByTestId('token-layer');
    await expect.poll(() => tokens.getAttribute('data-tokens')).toBe('12');
    expect(await page.evaluate(() => window.s2sApp!.session.clock.playing)).toBe(true);
    const before = await tokenPixels(page);
    await page.waitForTimeout(600);
    const after = await tokenPixels(page);
    // Same count, other pixels: the tokens moved while playing.
    expect(await tokens.getAttribute('data-tokens')).toBe('12');
    expect(Buffer.compare(before, after)).not.toBe(0);
    await s.screenshot('canvas-playing');
    await expect.poll(() => tokens.getAttribute('data-tokens'), { timeout: 15_000 }).toBe('0');
    expect(s.problems).toEqual([]);
  });

  it('a longer latency makes a token take longer to cross (playing at 2×)', async ({ app: s }) => {
    const { page } = s;
    const tokens = page.getByTestId('token-layer');
    const crossing = async (latencyMs: number, speed: number) => {
      await page.evaluate(() => window.s2sApp!.pause());
      await arrange(page, latencyMs);
      await page.evaluate((speed) => {
        window.s2sApp!.setSpeed(speed);
        window.s2sApp!.play();
      }, speed);
      const sentAt = await forward(page, 1);
      await expect.poll(() => tokens.getAttribute('data-tokens')).toBe('1');
      await expect.poll(() => tokens.getAttribute('data-tokens'), { timeout: 20_000 }).toBe('0');
      return (await page.evaluate(() => window.s2s!.now)) - sentAt;
    };
    const short = await crossing(1000, 2);
    const long = await crossing(3000, 2);
    expect(short).toBeGreaterThanOrEqual(1000);
    expect(long).toBeGreaterThanOrEqual(3000);
    expect(long).toBeGreaterThan(short);
    await page.evaluate(() => window.s2sApp!.setSpeed(1));
    expect(s.problems).toEqual([]);
  });
});
