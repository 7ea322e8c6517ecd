import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// Highlighting only: a small stream tokenizer for the console's Apex subset. It is never the
// parser (that is src/engine/apex); it only colours words as they are typed.

const KEYWORDS = new Set(
  'insert delete update new select from where and or order by limit in like asc desc true false null'.split(
    ' ',
  ),
);
const TYPES = new Set(
  'id string boolean integer decimal double long object list system'.split(' '),
);

export const apexLanguage = StreamLanguage.define<{ comment: boolean }>({
  name: 'apex',
  startState: () => ({ comment: false }),
  token(stream, state) {
    if (state.comment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.comment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.comment = true;
      return 'comment';
    }
    if (stream.match(/^'(?:[^'\\]|\\.)*'?/)) return 'string';
    if (stream.match(/^-?\d+(\.\d+)?/)) return 'number';
    const word = stream.match(/^[A-Za-z_]\w*/) as RegExpMatchArray | null;
    if (word) {
      const w = word[0].toLowerCase();
      if (KEYWORDS.has(w)) return 'keyword';
      if (TYPES.has(w) || /^PartnerNetwork/.test(word[0])) return 'typeName';
      return 'variableName';
    }
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
});

// Theme tokens, so the light, dark and high-contrast palettes all apply.
export const apexHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.keyword, color: 'var(--brand-strong)', fontWeight: '700' },
    { tag: tags.typeName, color: 'var(--info-ink)' },
    { tag: tags.string, color: 'var(--ok-ink)' },
    { tag: tags.number, color: 'var(--warn-ink)' },
    { tag: tags.comment, color: 'var(--muted)', fontStyle: 'italic' },
  ]),
);
