// Types of the generated parser (parser.generated.js, from apex.peggy).
export function parse(input: string, options?: { grammarSource?: string }): unknown;
export class SyntaxError extends Error {
  location: { start: { line: number; column: number; offset: number } };
  expected: { type: string; description?: string; text?: string }[] | null;
  found: string | null;
}
