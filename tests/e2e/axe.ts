import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Runs axe-core on the page (or the part `include` selects, dialogs included since they are
 * portalled to the body) and returns the serious and critical violations, one line each, so a
 * failing test says what is wrong and where.
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} (${n.any[0]?.message ?? n.failureSummary ?? ''})`)
          .join(' | ')}`,
    );
}

/** The serious and critical violations in each of the three themes, chosen from the header. */
export async function seriousViolationsInThemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['Dark', 'High contrast', 'Light']) {
    await page.getByLabel('Theme').selectOption({ label: theme });
    for (const v of await seriousViolations(page, include)) found.push(`${theme}: ${v}`);
  }
  return found;
}
