import { describe, expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { it } from './appTest.ts';
import { seriousViolations } from './axe.ts';
import { connectAcmeAndGlobex, publishAndSubscribe } from './story.ts';

// The records on the canvas and the messages as cards, with the clock playing.

/** Account (Name, Phone) shared Acme → Globex with auto-accept; Contacts wait for Accept. */
async function arrange(page: Page) {
  await connectAcmeAndGlobex(page);
  await publishAndSubscribe(page, [
    { from: 'acme', object: 'Account', fields: ['Name', 'Phone'], autoAccept: true },
    { from: 'acme', object: 'Contact', fields: ['FirstName', 'LastName', 'Email'] },
  ]);
  await page.evaluate(() => {
    const s2s = window.s2s!;
    const A = s2s.orgs()[0]!.adminId;
    const aConn = s2s.connections('acme')[0]!.Id;
    const made = s2s.run([
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: 'Initech', Phone: '555-0100' },
      },
      {
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { FirstName: 'Peter', LastName: 'Gibbons', Email: 'peter@initech.example.com' },
      },
    ]) as { id: string }[];
    s2s.run([
      {
        type: 'record.forward',
        org: 'acme',
        as: A,
        recordIds: made.map((m) => m.id),
        connectionIds: [aConn],
      },
    ]);
    s2s.runUntilIdle();
    // Slow enough to watch at 1×.
    s2s.run([
      { type: 'link.set', from: 'acme', to: 'globex', both: true, link: { latencyMs: 4000 } },
    ]);
  });
}

/** The Stage layout, chosen in the header as a person does: the canvas across the page. */
async function stage(page: Page, on: boolean) {
  await page.getByLabel('Layout').selectOption({ label: on ? 'Stage' : 'Workspaces' });
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.waitForTimeout(400);
}

const node = (page: Page, org: string) => page.locator(`.svelte-flow__node [data-org=${org}]`);
const row = (n: Locator, name: string) =>
  n.locator('.row').filter({ has: n.page().locator('.name', { hasText: name }) });

/** Every leaf text box on the canvas that a person reads; none may cover another. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      '.org .name',
      '.org .state',
      '.org .domain',
      '.org .s2s',
      '.org .counts span',
      '[data-testid=org-records] .conn',
      '.row .open .name',
      '.row .open .state',
      '.row .value',
      '.row .diff',
      '.row .follow',
      '[data-testid=org-records] .more',
      '[data-testid=message-cards] .card',
      '.direction-label button .line',
    ].join(', ');
    const canvas = document.querySelector('.svelte-flow')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll<HTMLElement>(sel)]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(
        ({ r }) =>
          r.width > 0 &&
          r.height > 0 &&
          r.right > canvas.left &&
          r.left < canvas.right &&
          r.bottom > canvas.top &&
          r.top < canvas.bottom,
      );
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // Half a pixel of anti-aliasing is not an overlap a person sees.
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) out.push(`"${a.el.textContent}" × "${b.el.textContent}"`);
      }
    return out;
  });
}

describe('records and messages on the canvas', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`shows each copy's state and an update travelling as a card (${width}×${height})`, async ({
      app: s,
    }) => {
      const { page } = s;
      await page.setViewportSize({ width, height });
      if (!(await page.evaluate(() => window.s2s!.connections('acme').length))) await arrange(page);
      await page.evaluate(() => window.s2sApp!.setSpeed(1));
      await stage(page, true);
      const acme = node(page, 'acme');
      const globex = node(page, 'globex');
      // REC-1: accepted on arrival (auto-accept), Synced once an update has been applied.
      await expect
        .poll(() => row(globex, 'Initech').getAttribute('data-state'))
        .toMatch(/^(Accepted|Synced)$/);
      // REC-2: the Contact forwarded without auto-accept waits in Globex, Pending in Acme.
      await expect
        .poll(() => row(globex, 'Peter Gibbons').locator('.state').innerText())
        .toBe('Waiting');
      expect(await row(acme, 'Peter Gibbons').locator('.state').innerText()).toBe('Pending');

      // An update made in Acme while the clock plays.
      const phone = width === 1280 ? '555-0199' : '555-0222';
      await page.evaluate((phone) => {
        const s2s = window.s2s!;
        window.s2sApp!.play();
        const id = s2s
          .records('acme', { object: 'Account' })
          .find((r) => r.fields.Name === 'Initech')!.Id;
        s2s.dispatch({
          type: 'record.update',
          org: 'acme',
          as: s2s.orgs()[0]!.adminId,
          id,
          values: { Phone: phone },
        });
      }, phone);
      expect(await page.evaluate(() => window.s2sApp!.session.clock.playing)).toBe(true);
      const card = page
        .getByTestId('message-cards')
        .getByRole('button', { name: `Update · Initech · Account Phone → ${phone}` });
      await card.waitFor();
      const before = (await card.boundingBox())!;
      // SYNC-3: the partner's copy reads Updating, the field marked, each side's value shown.
      const copy = row(globex, 'Initech');
      await expect.poll(() => copy.getAttribute('data-state')).toBe('Updating');
      const diff = copy.locator('.diff');
      expect(await diff.locator('mark').innerText()).toBe('Account Phone');
      const said = (await diff.allInnerTexts()).join(' ');
      expect(said).toContain(`at Acme ${phone}`);
      expect(said).toMatch(/here 555-0(100|199)/);
      expect(await row(acme, 'Initech').getAttribute('data-state')).toBe('Updating');
      await s.screenshot(`canvas-records-updating-${width}`);
      expect(await overlaps(page)).toEqual([]);
      // The card moves toward Globex (to the right) while the clock plays: it starts held clear
      // of Acme's node, and follows its token once the token is past the card's half width.
      await expect
        .poll(async () => (await card.boundingBox())!.x, { timeout: 4000 })
        .toBeGreaterThan(before.x);
      expect(await overlaps(page)).toEqual([]);
      // It lands: the copy is Synced with the new value, no difference left.
      await expect.poll(() => copy.getAttribute('data-state'), { timeout: 15_000 }).toBe('Synced');
      expect(await copy.locator('.diff').count()).toBe(0);
      expect(await copy.locator('.value').innerText()).toContain(phone);
      expect(await seriousViolations(page)).toEqual([]);

      // Follow this record from its row: its rows in both orgs are outlined.
      await row(acme, 'Initech')
        .getByRole('button', { name: 'Follow this record: Initech' })
        .click();
      await expect.poll(() => row(globex, 'Initech').getAttribute('data-followed')).toBe('true');
      expect(await row(acme, 'Initech').getAttribute('data-followed')).toBe('true');
      expect(await row(acme, 'Peter Gibbons').getAttribute('data-followed')).toBe('false');
      await s.screenshot(`canvas-records-followed-${width}`);
      await page.getByRole('button', { name: 'Stop following' }).click();

      // Clicking a row opens the record's page in its org's drawer; Esc closes it.
      await row(globex, 'Initech').locator('.open').click();
      const ws = page.getByRole('region', { name: 'Globex workspace' });
      await expect.poll(() => ws.getByRole('heading', { name: 'Initech' }).count()).toBe(1);
      await s.screenshot(`canvas-records-opened-${width}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => ws.count()).toBe(0);
      await stage(page, false);
      expect(s.problems).toEqual([]);
    });
  }

  it('an org node focused by keyboard shows its focus ring', async ({ app: s }) => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 720 });
    const orgNode = page.locator('.svelte-flow__node-org').first();
    // Tab from the control just before the canvas's nodes, as a keyboard user moves.
    await page.locator('.svelte-flow').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Tab');
    for (let i = 0; i < 5 && !(await orgNode.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await orgNode.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await orgNode.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(3);
    await s.screenshot('canvas-org-focus-ring');
  });

  it('the legend says how to follow a record', async ({ app: s }) => {
    const { page } = s;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByText('Legend', { exact: true }).click();
    const legend = page.locator('details.legend');
    expect(await legend.getAttribute('open')).not.toBeNull();
    const text = await legend.innerText();
    expect(text).toContain('Follow a record');
    expect(text).toContain('Follow this record');
    await s.screenshot('canvas-legend-records');
  });
});
