import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { it } from './appTest.ts';
import { connectAcmeAndGlobex } from './story.ts';
import { arrange, forward } from './tokenSteps.ts';

// Tokens with the clock PLAYING (the app's default), not paused: issue 15 reported none drawn.

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
    // Sent together, their cards would overlap: they gather into one ("Forward · 12 Accounts") or a few.
    expect(Number(await tokens.getAttribute('data-counters'))).toBeGreaterThan(0);
    expect(Number(await tokens.getAttribute('data-largest'))).toBeGreaterThan(1);
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
