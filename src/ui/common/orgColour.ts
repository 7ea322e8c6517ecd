// One colour per org, by its place in the sandbox, so a workspace and its canvas node match.
// The shades themselves are theme variables (--org-1 … --org-5), lighter on the dark palette.
const PALETTE_SIZE = 5;

export function orgColour(index: number): string {
  return `var(--org-${(index % PALETTE_SIZE) + 1})`;
}
