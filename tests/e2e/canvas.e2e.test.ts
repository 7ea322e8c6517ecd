import { describe, expect } from 'vitest';
import { it } from './appTest.ts';

const ACCEPTED = 'rgb(46, 132, 74)';

describe('the flow canvas', () => {
  it('says what to do next while there is no connection', async ({ app: s }) => {
    expect(await s.page.getByTestId('canvas-hint').innerText()).toContain('No connection yet');
  });

  it('keeps the orgs clear of that note at 1280×720, where the canvas column is narrow', async ({
    app: s,
  }) => {
    const page = s.page;
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1280, height: 720 });
    try {
      const covered = () =>
        page.evaluate(() => {
          const hint = document.querySelector('[data-testid=canvas-hint]')!.getBoundingClientRect();
          return [...document.querySelectorAll('.svelte-flow__node')].filter((n) => {
            const r = n.getBoundingClientRect();
            return (
              r.left < hint.right &&
              r.right > hint.left &&
              r.top < hint.bottom &&
              r.bottom > hint.top
            );
          }).length;
        });
      // The canvas fits its orgs again once it has its new size.
      await expect.poll(covered, { timeout: 5000 }).toBe(0);
      await s.screenshot('canvas-hint-1280');
    } finally {
      if (size) await page.setViewportSize(size);
    }
  });

  it('draws messages in flight as tokens, then the accepted connection in its colour', async ({
    app: s,
  }) => {
    const tokens = s.page.getByTestId('token-layer');
    // Invite without running the clock: the invitation is on the wire.
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      window.s2sApp!.pause();
      const [acme] = s2s.orgs();
      const A = acme!.adminId;
      s2s.run([
        { type: 's2s.enable', org: 'acme', as: A },
        { type: 's2s.enable', org: 'globex', as: s2s.orgs()[1]!.adminId },
      ]);
      const [account] = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: 'Globex Corp' },
        },
      ]);
      const c = s2s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Contact',
          values: {
            LastName: 'Lee',
            Email: 'lee@globex.example.com',
            AccountId: (account as { id: string }).id,
          },
        },
      ])[0] as { id: string };
      s2s.run([{ type: 'connection.invite', org: 'acme', as: A, contactId: c.id }]);
      s2s.advance(500);
    });
    await expect.poll(() => tokens.getAttribute('data-tokens')).toBe('1');
    // The edge shows the pending invitation.
    await s.page
      .locator('.svelte-flow__edge.status-Pending')
      .first()
      .waitFor({ state: 'attached' });
    // Pixels: the token is drawn on the canvas layer.
    const painted = await s.page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=token-layer]')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(50);
    await s.screenshot('canvas-token-in-flight');

    await s.page.evaluate(() => window.s2s!.runUntilIdle());
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      const gConn = s2s.connections('globex')[0]!;
      s2s.run([
        {
          type: 'connection.accept',
          org: 'globex',
          as: s2s.orgs()[1]!.adminId,
          connectionId: gConn.Id,
        },
      ]);
      s2s.advance(300);
    });
    await expect.poll(() => tokens.getAttribute('data-tokens')).not.toBe('0');
    await s.page.evaluate(() => window.s2s!.runUntilIdle());
    // One edge per direction, both in the status colour.
    const edge = s.page
      .locator('.svelte-flow__edge.status-Accepted path.svelte-flow__edge-path')
      .first();
    await edge.waitFor({ state: 'attached' });
    expect(await edge.evaluate((el) => getComputedStyle(el).stroke)).toBe(ACCEPTED);
    await expect.poll(() => tokens.getAttribute('data-tokens')).toBe('0');
    const labels = await s.page.locator('.svelte-flow__edge-label').allInnerTexts();
    expect(labels).toHaveLength(2);
    for (const l of labels) expect(l).toMatch(/Active · 1 s ±400 ms/);
    await s.screenshot('canvas-accepted');
    expect(s.problems).toEqual([]);
  });

  it('draws held messages at the sender while the org is offline', async ({ app: s }) => {
    await s.page.evaluate(() => {
      const s2s = window.s2s!;
      s2s.run([{ type: 'org.setOffline', org: 'globex', offline: true }]);
      const [acme] = s2s.orgs();
      s2s.run([
        {
          type: 'connection.publish',
          org: 'acme',
          as: acme!.adminId,
          connectionId: s2s.connections('acme')[0]!.Id,
          object: 'Account',
          fields: ['Name'],
        },
      ]);
      s2s.runUntilIdle();
    });
    const tokens = s.page.getByTestId('token-layer');
    await expect.poll(() => tokens.getAttribute('data-held')).toBe('1');
    expect(await s.page.locator('.svelte-flow__node', { hasText: 'Globex' }).innerText()).toContain(
      'Offline',
    );
    await s.screenshot('canvas-held');
    await s.page.evaluate(() => {
      window.s2s!.run([{ type: 'org.setOffline', org: 'globex', offline: false }]);
      window.s2s!.runUntilIdle();
    });
    await expect.poll(() => tokens.getAttribute('data-held')).toBe('0');
  });

  it('selects an org by clicking its node and marks its workspace', async ({ app: s }) => {
    await s.page.locator('.svelte-flow__node', { hasText: 'Globex' }).click();
    const panel = s.page.getByRole('region', { name: 'Globex workspace' });
    await expect.poll(() => panel.getAttribute('class')).toContain('selected');
    expect(await panel.getByRole('tab', { name: 'Connections' }).count()).toBe(1);
    expect(s.problems).toEqual([]);
  });
});
