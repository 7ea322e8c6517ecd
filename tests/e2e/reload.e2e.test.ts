import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { waitForApp } from './browser.ts';
import { connectAcmeAndGlobex, forwardAccounts, summary } from './story.ts';

describe('reload mid-flight', () => {
  it('ends in the same state as an uninterrupted run of the same scenario', async ({ app: s }) => {
    const page = s.page;
    await connectAcmeAndGlobex(page);
    await forwardAccounts(page, 5);
    await page.evaluate(() => window.s2s!.advance(200));
    const inFlight = await page.evaluate(() => window.s2s!.inFlight().length);
    expect(inFlight).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByTestId('token-layer').getAttribute('data-tokens'))
      .toBe(String(inFlight));
    await s.screenshot('reload-before');

    // The uninterrupted run: the same scenario rebuilt in the page and run to the end.
    const expected = await page.evaluate(() => {
      const other = window.s2sApp!.replayScenario(window.s2s!.scenario());
      other.runUntilIdle();
      return other.orgs().map((o) =>
        other
          .records(o.id)
          .map((r) => JSON.stringify([r.Id, r.object, r.fields]))
          .sort(),
      );
    });

    await page.evaluate(() => window.s2sApp!.flush());
    await page.reload();
    await waitForApp(page);
    await page.evaluate(() => window.s2sApp!.pause());
    // Messages still on the wire came back (unless the restarted play loop delivered some).
    const after = await page.evaluate(() => window.s2s!.inFlight().length);
    expect(after).toBeLessThanOrEqual(inFlight);
    await page.evaluate(() => window.s2s!.runUntilIdle());
    const actual = (await summary(page)) as { records: string[] }[];
    expect(actual.map((o) => o.records)).toEqual(expected);
    expect(actual[1]!.records.filter((r) => r.includes('Initech'))).toHaveLength(5);
    await page.getByTestId('sandbox-name').waitFor();
    await s.screenshot('reload-after');
    expect(s.problems).toEqual([]);
  });

  it('a second tab on the same sandbox is read-only', async ({ app: s }) => {
    const second = await s.newPage();
    await waitForApp(second);
    await expect
      .poll(() => second.getByTestId('save-status').innerText())
      .toBe('Read-only: another tab is editing this sandbox');
    await s.screenshot('read-only-tab', second);
    await second.close();
    expect(s.problems).toEqual([]);
  });
});
