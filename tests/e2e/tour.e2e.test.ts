import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openSandbox, waitForApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import { fieldByLabel, workspaceOf } from './workspace.ts';

/**
 * The walkthroughs as a learner follows them: read the step's own text, click what it points
 * at, type the values the text gives. The highlight is the only thing found by its class
 * (a person sees it; it has no name of its own).
 */
class Learner {
  constructor(readonly page: Page) {}

  /** The tour's popover, a dialog named by the step's title. */
  step(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async at(n: number, of: number, title: string): Promise<string> {
    if (process.env.TOUR_TRACE) console.log(`step ${n}: ${title}`);
    const d = this.step(title);
    await d.waitFor();
    const text = await d.innerText();
    expect(text).toContain(`Step ${n} of ${of}`);
    return text;
  }

  next(title: string) {
    return this.step(title).getByRole('button', { name: /^(Next|Finish)$/ });
  }

  async nextWhenDone(title: string) {
    await expect.poll(() => this.next(title).isEnabled(), { timeout: 20_000 }).toBe(true);
    await this.next(title).click();
  }

  get pointed(): Locator {
    return this.page.locator('.driver-active-element');
  }

  private async pointedName(): Promise<string> {
    if ((await this.pointed.count()) !== 1) return '';
    return (
      (await this.pointed.getAttribute('aria-label')) ?? (await this.pointed.innerText()).trim()
    );
  }

  /**
   * Follows the highlight to the control named `name`: where it points at a tab or the
   * Connections list first (the way there), clicks that (a list's first row), then the control.
   */
  async follow(name: string, click = true) {
    const want = name.replace(/\s+/g, '');
    for (let i = 0; i < 40; i++) {
      // One element, read once: the highlight may move on while we look.
      const el = (await this.pointed.count()) === 1 ? await this.pointed.elementHandle() : null;
      const seen = el
        ? await el.evaluate((e) => ({
            name: (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ''),
            tag: e.tagName,
            tab: e.getAttribute('role') === 'tab',
            selected: e.getAttribute('aria-selected') === 'true',
          }))
        : null;
      if (el && seen?.name === want) return click ? el.click() : undefined;
      if (el && seen?.tag === 'TABLE') await this.pointed.getByRole('button').first().click();
      else if (el && seen?.tab && !seen.selected) await el.click();
      await this.page.waitForTimeout(500);
    }
    throw new Error(`The tour never pointed at ${name}; it points at ${await this.pointedName()}`);
  }

  /** Waits until the highlight is on the control named `name`, and clicks it. */
  async clickPointed(name: string | RegExp) {
    await expect
      .poll(
        async () =>
          (await this.pointed.count()) === 1
            ? ((await this.pointed.getAttribute('aria-label')) ??
              (await this.pointed.innerText()).trim())
            : '',
        { timeout: 20_000 },
      )
      .toMatch(typeof name === 'string' ? new RegExp(`^${escape(name)}$`) : name);
    await this.pointed.click();
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const after = (text: string, words: string) =>
  new RegExp(`${escape(words)} ([^,.]+(?:\\.[a-z]+)*)`).exec(text)?.[1]?.trim() ?? '';

describe('guided walkthroughs', () => {
  it('the full-setup walkthrough, from an empty sandbox to a two-way sync with a latency the learner sets', async () => {
    const s = await openSandbox({ firstVisit: true });
    const page = s.page;
    const me = new Learner(page);
    const acme = workspaceOf(page, 'Acme');
    const globex = workspaceOf(page, 'Globex');
    const runUntilIdle = () => page.getByRole('button', { name: /^Run until idle/ }).click();
    try {
      await page.getByRole('button', { name: /^Take the guided tour/ }).click();

      // 1–2. EN-1: Enable in both orgs; Next waits for the engine to say it is enabled.
      for (const [n, org, title] of [
        [1, 'Acme', 'Enable Salesforce to Salesforce in Acme'],
        [2, 'Globex', 'Enable it in Globex too'],
      ] as const) {
        const text = await me.at(n, 15, title);
        expect(text).toContain('click Enable and confirm');
        expect(await me.next(title).isDisabled()).toBe(true);
        if (n === 1) {
          expect(await me.step(title).getByRole('button', { name: 'Previous' }).isDisabled()).toBe(
            true,
          );
          await page.waitForTimeout(500);
          await s.screenshot('classroom-tour-step');
          expect(await seriousViolations(page)).toEqual([]);
        }
        await me.clickPointed('Enable');
        await page
          .getByRole('alertdialog', { name: 'Enable Salesforce to Salesforce?' })
          .getByRole('button', { name: 'Enable' })
          .click();
        expect(await workspaceOf(page, org).getByRole('tab', { name: 'Connections' }).count()).toBe(
          1,
        );
        await me.nextWhenDone(title);
      }

      // 3. CONN-1: the partner Account. Previous goes back a step and Next returns.
      let title = 'An Account for the partner company';
      let text = await me.at(3, 15, title);
      await me.step(title).getByRole('button', { name: 'Previous' }).click();
      await me.at(2, 15, 'Enable it in Globex too');
      await me.next('Enable it in Globex too').click();
      text = await me.at(3, 15, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      const company = after(text, 'Account Name');
      expect(company).toBe('Globex Corp');
      await me.clickPointed('Accounts');
      await me.clickPointed('New');
      let form = page.getByRole('dialog', { name: 'New Account' });
      await fieldByLabel(form, 'Account Name').fill(company);
      await form.getByRole('button', { name: 'Save' }).click();
      await me.nextWhenDone(title);

      // 4. The Contact the invitation is mailed to.
      title = 'A Contact with an email at the partner';
      text = await me.at(4, 15, title);
      await me.clickPointed('Contacts');
      await me.clickPointed('New');
      form = page.getByRole('dialog', { name: 'New Contact' });
      await fieldByLabel(form, 'Last Name').fill(after(text, 'Last Name'));
      await fieldByLabel(form, 'Email').fill(after(text, 'Email'));
      await fieldByLabel(form, 'Account Name').selectOption({ label: after(text, 'Account Name') });
      await form.getByRole('button', { name: 'Save' }).click();
      await me.nextWhenDone(title);

      // 5. Progress survives a reload.
      title = 'Invite Globex';
      await me.at(5, 15, title);
      await page.reload();
      await waitForApp(page);
      text = await me.at(5, 15, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      await me.clickPointed('Connections');
      await me.clickPointed('New');
      const invite = page.getByRole('dialog', { name: 'New Connection' });
      const contact = invite.getByLabel('Contact', { exact: true });
      const lee = (await contact.locator('option').allInnerTexts()).find((o) =>
        o.startsWith(after(text, 'choose the Contact')),
      )!;
      await contact.selectOption({ label: lee });
      await invite.getByRole('button', { name: 'Save & Send Invite' }).click();
      await me.nextWhenDone(title);

      // 6. CONN-2: the invitation travels.
      title = 'The invitation travels';
      await me.at(6, 15, title);
      await me.clickPointed(/^Run until idle/);
      await me.nextWhenDone(title);

      // 7. CONN-3: Globex accepts.
      title = 'Globex accepts';
      await me.at(7, 15, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      await me.follow('Accept');
      const accept = page.getByRole('dialog', { name: 'Accept Invitation' });
      await accept.getByRole('button', { name: 'Accept' }).click();
      await me.nextWhenDone(title);

      // 8 and 12. PUB-1: each side publishes Account from its connection's page.
      const publish = async (n: number, t: string, ws: Locator) => {
        const words = await me.at(n, 15, t);
        await me.follow('Publish', false);
        await ws
          .getByRole('combobox', { name: 'Object to publish' })
          .selectOption({ label: /choose (\w+) under Object to publish/.exec(words)![1]! });
        await me.clickPointed('Publish');
        await me.nextWhenDone(t);
      };
      await publish(8, 'Acme publishes Account', acme);

      // 9 and 13. SUB-1, SUB-2: the partner subscribes once the publication has arrived.
      const subscribe = async (n: number, t: string, ws: Locator, autoAccept: boolean) => {
        await me.at(n, 15, t);
        await runUntilIdle();
        await me.follow('Subscribe Account');
        const editor = ws.getByRole('form', { name: 'Field mapping: Account from the partner' });
        await editor.getByRole('button', { name: 'Auto-Map Fields' }).click();
        if (autoAccept) await editor.getByRole('checkbox', { name: 'Auto-Accept' }).check();
        await editor.getByRole('button', { name: 'Save' }).click();
        await me.nextWhenDone(t);
      };
      await subscribe(9, 'Globex subscribes, with Auto-Accept', globex, true);

      // 10. FWD-1: forward an Account.
      title = 'Forward an Account';
      text = await me.at(10, 15, title);
      await me.clickPointed('Accounts');
      await acme.getByRole('button', { name: 'New', exact: true }).click();
      form = page.getByRole('dialog', { name: 'New Account' });
      const initech = /save an Account named (\w+)\./.exec(text)![1]!;
      await fieldByLabel(form, 'Account Name').fill(initech);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      await me.clickPointed('Forward to Connection(s)');
      const forward = page.getByRole('dialog', { name: 'Forward to Connection(s)' });
      await forward.getByRole('checkbox', { name: /tick (.+?) and Save/.exec(text)![1]! }).check();
      await forward.getByRole('button', { name: 'Save' }).click();
      await me.nextWhenDone(title);

      // 11. REC-2: auto-accepted on arrival.
      title = 'It arrives in Globex';
      await me.at(11, 15, title);
      await me.clickPointed('Accounts');
      await globex.getByRole('button', { name: initech, exact: true }).waitFor({ timeout: 20_000 });
      await me.nextWhenDone(title);

      // 12–13. SYNC-2: two-way.
      await publish(12, 'Two-way: Globex publishes Account', globex);
      await subscribe(13, 'Acme subscribes to Globex’s Account', acme, false);

      // 14. The latency the learner sets, in the Network panel.
      title = 'Set the latency';
      text = await me.at(14, 15, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      await me.clickPointed('Network');
      await me.clickPointed(/^Latency .* \(ms\)$/);
      await me.pointed.fill(/for example (\d+) ms/.exec(text)![1]!);
      await me.pointed.press('Tab');
      await me.nextWhenDone(title);
      expect(
        await page.evaluate(() => Object.values(window.s2s!.links()).map((l) => l.latencyMs)),
      ).toContain(3000);

      // 15. SYNC-2, PERM-3: an edit in Globex syncs back to Acme.
      title = 'Edit in Globex, watch it sync back';
      text = await me.at(15, 15, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      await me.follow(after(text, 'Accounts tab open'));
      await me.follow('Edit');
      form = page.getByRole('dialog', { name: 'Edit Account' });
      const renamed = /set Account Name to (.+?) and Save/.exec(text)![1]!;
      await fieldByLabel(form, 'Account Name').fill(renamed);
      await form.getByRole('button', { name: 'Save' }).click();
      await me.nextWhenDone(title);
      await me.step(title).waitFor({ state: 'detached' });
      expect(
        await page.evaluate(() =>
          window.s2s!.records('acme', { object: 'Account' }).map((r) => r.fields.Name),
        ),
      ).toContain('Initech Global');
      expect(await page.evaluate(() => localStorage.getItem('s2s-tour'))).toBeNull();
      expect(s.problems).toEqual([]);
    } catch (e) {
      console.log(
        await page.evaluate(() =>
          window
            .s2s!.log({ since: 0 })
            .slice(-40)
            .map((x) => x.text)
            .join('\n'),
        ),
      );
      await s.screenshot('tour-failure');
      throw e;
    } finally {
      await s.close();
    }
  }, 300_000);

  it('SYNC-3: the concurrent-edits walkthrough drives the clock, names the finding and waits for the repair', async () => {
    const s = await openSandbox();
    const page = s.page;
    const me = new Learner(page);
    try {
      await waitForApp(page);
      await page.getByRole('button', { name: 'Tours' }).click();
      await page.getByRole('button', { name: 'Concurrent edits on a two-way share' }).click();
      let title = 'Two edits on the wire';
      let text = await me.at(1, 4, title);
      // The step paused the clock: the two updates stay on the wire until the learner plays.
      expect(await page.evaluate(() => window.s2sApp!.session.clock.playing)).toBe(false);
      expect(await page.evaluate(() => window.s2s!.inFlight().length)).toBe(2);
      expect(await me.next(title).isDisabled()).toBe(true);
      expect(text).toContain('Run until idle');
      await page.getByRole('button', { name: /^Run until idle/ }).click();
      await me.nextWhenDone(title);

      title = 'The copies swapped values';
      await me.at(2, 4, title);
      await me.nextWhenDone(title);
      title = 'The checker names it';
      text = await me.at(3, 4, title);
      expect(text).toContain('non-convergence');
      await me.nextWhenDone(title);

      title = 'Repair it by hand';
      text = await me.at(4, 4, title);
      expect(await me.next(title).isDisabled()).toBe(true);
      await me.clickPointed('Initech');
      const globex = workspaceOf(page, 'Globex');
      await globex.getByRole('button', { name: 'Edit' }).click();
      const form = page.getByRole('dialog', { name: 'Edit Account' });
      await form
        .getByLabel('Account Phone')
        .fill(/set Account Phone to (.+?) and Save/.exec(text)![1]!);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.waitFor({ state: 'detached' });
      // Still disabled while the repair is on the wire (the clock is paused).
      expect(await me.next(title).isDisabled()).toBe(true);
      await page.getByRole('button', { name: /^Run until idle/ }).click();
      await me.nextWhenDone(title);
      await me.step(title).waitFor({ state: 'detached' });
      expect(await page.evaluate(() => window.s2s!.check().shares.every((x) => x.agree))).toBe(
        true,
      );
      expect(s.problems).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
