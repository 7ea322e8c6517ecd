import type { S2S } from '../../../engine/api.ts';

/** One row of the engine's connections query, as the list and the detail page read it. */
export type ConnectionRow = ReturnType<S2S['connections']>[number];
export type SubscribeOffer = ReturnType<S2S['subscribeOptions']>[number];
export type PublishOffer = ReturnType<S2S['publishOptions']>[number];
export type MappingRow = ReturnType<S2S['mappingOptions']>[number];
export type CommandRefusal = { rule: string; reason: string };
