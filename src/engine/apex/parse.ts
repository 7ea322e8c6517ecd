import type { ApexError, Statement } from './ast.ts';
import { parse as generated } from './parser.generated.js';

interface PeggyError {
  message: string;
  location?: { start: { line: number; column: number } };
  expected?: { type: string; description?: string; text?: string }[] | null;
  found?: string | null;
}

// Peggy's names for what it expected, as a person would say them.
const WORDS: Record<string, string> = {
  name: 'a name',
  type: 'a type',
  'field name': 'a field name',
  '[A-Za-z_]': 'a name',
  'letter, digit or _': 'a name',
  'whole number': 'a whole number',
  number: 'a number',
  'text in single quotes': "text in single quotes ('…')",
  'end of input': 'the end of the script',
};

function expectedWords(e: PeggyError): string[] {
  const out = new Set<string>();
  for (const x of e.expected ?? []) {
    if (x.type === 'end') out.add('the end of the script');
    else if (x.type === 'literal') out.add(`"${x.text}"`);
    else out.add(WORDS[x.description ?? ''] ?? x.description ?? 'something else');
  }
  return [...out];
}

function oneOf(words: string[]): string {
  if (words.length <= 1) return words[0] ?? 'something else';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A syntax error in plain words, at its line and column. */
export function syntaxError(e: PeggyError, source = ''): ApexError {
  const at = e.location?.start ?? { line: 1, column: 1 };
  if (!e.expected) return { line: at.line, column: at.column, message: e.message };
  const found =
    e.found === null || e.found === undefined ? 'the end of the script' : `"${e.found}"`;
  const words = expectedWords(e);
  if (words.includes('";"') && e.location) {
    // Point just after the statement's last word, not at the next line where it was noticed.
    const end = endOfCode(source, (e.location as { start: { offset?: number } }).start.offset);
    if (end) return { ...end, message: `Missing ";" at the end of the statement.` };
  }
  return {
    line: at.line,
    column: at.column,
    message: `Expected ${oneOf(words)} here, but found ${found}.`,
  };
}

/** The line and column just after the last code before `offset`, when only space lies between. */
function endOfCode(
  source: string,
  offset: number | undefined,
): { line: number; column: number } | null {
  if (offset === undefined) return null;
  let i = offset;
  while (i > 0 && /\s/.test(source[i - 1]!)) i--;
  if (i === offset && offset < source.length) return null;
  const before = source.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

export type Parsed = { ok: true; program: Statement[] } | { ok: false; error: ApexError };

/** Parses the console's Apex subset into plain JSON; never runs anything. */
export function parseApex(source: string): Parsed {
  try {
    return { ok: true, program: generated(source) as Statement[] };
  } catch (e) {
    if (e && typeof e === 'object' && 'location' in e)
      return { ok: false, error: syntaxError(e as PeggyError, source) };
    throw e;
  }
}
