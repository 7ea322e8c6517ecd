import type { Message } from '../state/network.ts';
import type { SandboxState } from '../state/sandboxState.ts';
import type { ShareReads } from './shareReads.ts';

/** What a message carries, as plain facts a card puts in words. */
export interface MessageFacts {
  kind: Message['body']['kind'];
  /** The record it is about, by its name at the sender (or as forwarded). */
  record: string | null;
  /** The object forwarded, or published/subscribed. */
  objects: string[];
  /** An update's fields (the sender's labels) and the values they carry. */
  changes: { label: string; value: string }[];
  /** A decision on an invitation. */
  accepted?: boolean;
}

/**
 * A message's content in the sender's terms: which record (by name), which fields and values.
 * An observer's reading for the canvas, like the checker's; no org reads another's state.
 */
export function messageFacts(
  state: SandboxState,
  m: Readonly<Message>,
  reads: ShareReads,
): MessageFacts {
  const b = m.body;
  const from = state.orgs[m.from];
  const facts: MessageFacts = { kind: b.kind, record: null, objects: [], changes: [] };
  switch (b.kind) {
    case 'RecordForwarded':
      facts.record = reads.valuesName(b.values) || null;
      facts.objects = [b.object];
      return facts;
    case 'PublicationChanged':
      facts.objects = [...Object.keys(b.objects), ...b.unpublished];
      return facts;
    case 'SubscriptionChanged':
      facts.objects = [...b.objects];
      return facts;
    case 'Decision':
      facts.accepted = b.accepted;
      return facts;
  }
  if (!('shareKey' in b) || !from) return facts;
  const p = from.shareIndex[b.shareKey];
  if (p) facts.record = reads.name(from, p);
  if (b.kind === 'RecordUpdated') {
    const def = p ? from.schema[p.object] : undefined;
    facts.changes = Object.entries(b.changes).map(([f, v]) => ({
      label: def?.fields.find((d) => d.apiName === f)?.label ?? f,
      value: v === null ? '' : String(v),
    }));
  }
  return facts;
}
