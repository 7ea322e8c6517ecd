import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { it } from './appTest.ts';
import { waitForApp } from './browser.ts';
import { connectAcmeAndGlobex, forwardAccounts } from './story.ts';

/** Records of every org, the checker's findings and the commands: what "the same end state" means. */
async function endState(page: Page) {
  return page.evaluate(() => {
    const s = window.s2s!;
    return {
      records: s.orgs().map((o) =>
        s
          .records(o.id)
          .map((r) => JSON.stringify([r.Id, r.fields]))
          .sort(),
      ),
      findings: s.check().findings.map((f) => f.kind),
      commands: s.scenario().commands.length,
      events: s.sandbox.state.log.length,
    };
  });
}

const timeline = (page: Page) =>
  page.evaluate(() => {
    const t = window.s2sApp!.session.timeline;
    return { position: t.position, total: t.total, rewound: t.rewound, forks: t.forks };
  });

describe('rewinding the sandbox', () => {
  it('the timeline rewinds to an earlier event and, with the clock playing, plays forward to the same end state', async ({
    app: s,
  }) => {
    const page = s.page;
    await connectAcmeAndGlobex(page);
    await forwardAccounts(page, 4);
    // Edits on both sides while the clock plays, as a person would make them.
    await page.evaluate(() => {
      window.s2sApp!.setSpeed(10);
      window.s2sApp!.play();
    });
    await page.waitForFunction(() => window.s2s!.inFlight().length === 0);
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const [acme, globex] = s2s.orgs();
      const acc = s2s
        .records('acme', { object: 'Account' })
        .find((r) => r.fields.Name !== 'Globex Corp')!;
      const copy = s2s.copiesOf('acme', acc.Id)[1]!;
      s2s.dispatch({
        type: 'record.update',
        org: 'acme',
        as: acme!.adminId,
        id: acc.Id,
        values: { Phone: '555-0101' },
      });
      s2s.dispatch({
        type: 'record.update',
        org: 'globex',
        as: globex!.adminId,
        id: copy.recordId,
        values: { Name: 'Renamed' },
      });
    });
    await page.waitForFunction(() => window.s2s!.inFlight().length === 0);
    await page.evaluate(() => window.s2sApp!.pause());
    const original = await endState(page);
    const before = await timeline(page);
    expect(before.rewound).toBe(false);
    expect(before.position).toBe(original.events);

    await page.evaluate(
      (n) => window.s2sApp!.session.timeline.seek(n),
      Math.floor(original.events / 2),
    );
    const rewound = await timeline(page);
    expect(rewound.rewound).toBe(true);
    expect(rewound.total).toBe(original.events);
    expect(rewound.position).toBeLessThan(original.events);
    expect(await page.evaluate(() => window.s2s!.sandbox.state.log.length)).toBe(rewound.position);
    await s.screenshot('rewind-rewound');

    // Play on at 10×: the recorded commands are dispatched again at their times.
    await page.evaluate(() => window.s2sApp!.play());
    await page.waitForFunction(() => !window.s2sApp!.session.timeline.rewound, undefined, {
      timeout: 120_000,
    });
    await page.evaluate(() => window.s2sApp!.pause());
    expect(await endState(page)).toEqual(original);
    expect(s.problems).toEqual([]);
  });

  it('acting after a rewind forks the run; the fork compared with the original shows the records that differ', async ({
    app: s,
  }) => {
    const page = s.page;
    const originalName = await page.evaluate(() => window.s2sApp!.session.meta!.name);
    const originalId = await page.evaluate(() => window.s2sApp!.sessionId);
    await page.evaluate(() => {
      const t = window.s2sApp!.session.timeline;
      t.seek(t.total - 3);
    });
    await page.evaluate(() => {
      const s2s = window.s2s!;
      const acme = s2s.orgs()[0]!;
      const acc = s2s
        .records('acme', { object: 'Account' })
        .find((r) => r.fields.Phone === '555-0101')!;
      s2s.dispatch({
        type: 'record.update',
        org: 'acme',
        as: acme.adminId,
        id: acc.Id,
        values: { Phone: '555-FORK' },
      });
    });
    await expect
      .poll(() => page.evaluate(() => window.s2sApp!.session.timeline.forks.length))
      .toBe(1);
    const after = await timeline(page);
    expect(after.rewound).toBe(false);
    expect(after.forks[0]!.id).toBe(originalId);
    expect(await page.evaluate(() => window.s2sApp!.session.meta!.name)).toMatch(
      new RegExp(`^${originalName} · fork at event \\d+$`),
    );
    const diff = await page.evaluate(
      (id) => window.s2sApp!.session.timeline.compare(id),
      originalId!,
    );
    // The fork changed the Phone; events of the original after the fork point are missing too.
    const phone = diff.find((d) => d.fields.some((f) => f.field === 'Phone'));
    expect(phone).toMatchObject({ org: 'acme', object: 'Account' });
    expect(phone!.fields.find((f) => f.field === 'Phone')).toEqual({
      field: 'Phone',
      a: '555-FORK',
      b: '555-0101',
    });
    await s.screenshot('rewind-forked');
    expect(s.problems).toEqual([]);
  });

  it('the rewound position survives a reload', async ({ app: s }) => {
    const page = s.page;
    // A long quiet stretch, then a command: rewound just before it, replay waits a minute.
    await page.evaluate(() => {
      const s2s = window.s2s!;
      s2s.sandbox.advance(600_000);
      s2s.dispatch({ type: 'settings.set', settings: { publicationDelayMs: 4000 } });
      const t = window.s2sApp!.session.timeline;
      t.seek(t.total - 1);
    });
    const at = await timeline(page);
    expect(at.rewound).toBe(true);
    await page.evaluate(() => window.s2sApp!.flush());
    await page.reload();
    await waitForApp(page);
    await expect
      .poll(() => timeline(page))
      .toMatchObject({ rewound: true, position: at.position, total: at.total });
    expect(s.problems).toEqual([]);
  });
});
