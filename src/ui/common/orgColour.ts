// One colour per org, by its place in the sandbox, so a workspace and its canvas node match.
const PALETTE = ['#0b5cab', '#8a3b00', '#2e6b30', '#7526b3', '#a1135e'];

export function orgColour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
