import type { S2S } from '../../engine/api.ts';
export { default as MessageCards } from './MessageCards.svelte';
import { messageFacts, type MessageFacts } from '../../engine/queries/messageFacts.ts';
import { placeCards } from './cardLayout.ts';
import { groupText } from './cardText.ts';
import type { Spot } from './drawTokens.ts';
import type { Rect } from './tokens.ts';
import { TOKEN_KINDS } from './tokenKinds.ts';
import { kindIndex } from './tokenText.ts';

/** One card as the layer draws it. */
export interface CardView {
  key: number;
  text: string;
  ids: number[];
  held: boolean;
  /** The colour of its kind of message, as the tokens and the legend show it. */
  color: string;
  x: number;
  y: number;
  w: number;
}

/** The card's type: TokenLayer's CSS uses the same font and padding. */
export const CARD_FONT = '600 13px system-ui, sans-serif';
// Padding and borders, with a pixel to spare for rounding.
const CARD_PAD = 24;

let measurer: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();
function textWidth(text: string): number {
  let w = widths.get(text);
  if (w !== undefined) return w;
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 8;
  measurer.font = CARD_FONT;
  w = Math.ceil(measurer.measureText(text).width) + CARD_PAD;
  if (widths.size > 500) widths.clear();
  widths.set(text, w);
  return w;
}

// A message's facts do not change on the wire: read once per message.
const factsById = new Map<number, MessageFacts>();
let factsOf: S2S | null = null;

/** The cards for the messages `drawTokens` placed, clear of `obstacles` and of each other. */
export function layoutCards(s2s: S2S, spots: readonly Spot[], obstacles: readonly Rect[]) {
  // Message ids restart in another sandbox (a rewind, a reload).
  if (factsOf !== s2s) factsById.clear();
  factsOf = s2s;
  const facts = (s: Spot) => {
    let f = factsById.get(s.message.id);
    if (!f) {
      if (factsById.size > 200) factsById.clear();
      f = messageFacts(s2s.sandbox.state, s.message, s2s.shareReads());
      factsById.set(s.message.id, f);
    }
    return f;
  };
  const text = (g: readonly Spot[]) =>
    groupText(
      g.map(facts),
      g.every((s) => s.held),
    );
  return placeCards(spots, (g) => textWidth(text(g)), obstacles).map((c): CardView => ({
    key: c.spots[0]!.message.id,
    text: text(c.spots),
    ids: c.spots.map((s) => s.message.id),
    held: c.spots.every((s) => s.held),
    color: TOKEN_KINDS[kindIndex(c.spots[0]!.message.body)]!.color,
    x: c.box.x,
    y: c.box.y,
    w: c.box.w,
  }));
}
