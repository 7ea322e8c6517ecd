import type { Target } from './tour.ts';

const SELECTORS: Record<NonNullable<Target['role']>, string> = {
  button: 'button, [role="button"]',
  tab: '[role="tab"]',
  combobox: 'select, [role="combobox"]',
  table: 'table[aria-label], [role="table"]',
  region: 'section[aria-label], [role="region"]',
  checkbox: 'input[type="checkbox"], [role="checkbox"]',
  spinbutton: 'input[type="number"], [role="spinbutton"], input[type="range"]',
};

function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const id = el.id;
  const byFor = id ? el.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return (byFor?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

// Text split by markup ("Subscribe<span> Account</span>") may lose its space in textContent.
const squash = (s: string) => s.replace(/\s+/g, '');
const matches = (name: string, want: string | RegExp | undefined) =>
  want === undefined ||
  (typeof want === 'string' ? squash(name) === squash(want) : want.test(name));

const visible = (el: Element) => el.getClientRects().length > 0;

function one(t: Target, doc: Document): HTMLElement | null {
  const root = t.within ? doc.querySelector(`[aria-label="${CSS.escape(t.within)}"]`) : doc;
  if (!root) return null;
  if (t.tab) {
    const selected = [...root.querySelectorAll('[role="tab"][aria-selected="true"]')];
    if (!selected.some((el) => nameOf(el) === t.tab)) return null;
  }
  if (!t.role) return root instanceof HTMLElement ? root : null;
  for (const el of root.querySelectorAll<HTMLElement>(SELECTORS[t.role]))
    if (visible(el) && matches(nameOf(el), t.name)) return el;
  return null;
}

/** The first of a step's targets that is on screen, as an HTML element (never an SVG child). */
export function findTarget(targets: readonly Target[] | undefined, doc = document) {
  for (const t of targets ?? []) {
    const el = one(t, doc);
    if (el) return el;
  }
  return null;
}
