import type { MessageFacts } from '../../engine/queries/messageFacts.ts';

/** Longest value a card shows whole; longer ones end in "…". */
const VALUE_MAX = 24;

function short(v: string): string {
  if (v === '') return '(blank)';
  return v.length > VALUE_MAX ? `${v.slice(0, VALUE_MAX - 1)}…` : v;
}

function plural(object: string, n: number): string {
  if (n === 1 || object.endsWith('__c')) return object;
  if (object.endsWith('y')) return `${object.slice(0, -1)}ies`;
  if (object.endsWith('s')) return `${object}es`;
  return `${object}s`;
}

/** The word a card starts with, per kind of message. */
const VERBS: Record<MessageFacts['kind'], string> = {
  RecordForwarded: 'Forward',
  RecordUpdated: 'Update',
  RecordAccepted: 'Accept',
  RecordRejected: 'Reject',
  SharingStopped: 'Stop sharing',
  RecordDeleted: 'Deleted',
  LeadConverted: 'Lead converted',
  Invitation: 'Invitation',
  InvitationDelivered: 'Invitation delivered',
  InvitationCancelled: 'Cancel invitation',
  Decision: 'Decision',
  Deactivated: 'Deactivate connection',
  PublicationChanged: 'Publish',
  SubscriptionChanged: 'Subscribe',
};

/**
 * One message in words, as its card reads: "Update · Initech · Account Phone → 555-0199",
 * "Forward · 1 Account · Initech", "Accept · Initech", "Stop sharing · Initech".
 */
export function cardText(f: MessageFacts, held = false): string {
  const parts: string[] = [VERBS[f.kind]];
  switch (f.kind) {
    case 'RecordUpdated':
      if (f.record) parts.push(f.record);
      parts.push(
        f.changes.map((c) => `${c.label} → ${short(c.value)}`).join(', ') || '(no fields)',
      );
      break;
    case 'RecordForwarded':
      parts.push(`1 ${f.objects[0] ?? 'record'}`);
      if (f.record) parts.push(f.record);
      break;
    case 'Decision':
      parts[0] = f.accepted ? 'Accept invitation' : 'Decline invitation';
      break;
    case 'PublicationChanged':
    case 'SubscriptionChanged':
      if (f.objects.length) parts.push(f.objects.join(', '));
      break;
    default:
      if (f.record) parts.push(f.record);
  }
  const text = parts.join(' · ');
  return held ? `${text} (held)` : text;
}

/** Counts in first-seen order: "1 Account, 2 Contacts". */
function tally(words: string[], name: (w: string, n: number) => string): string {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].map(([w, n]) => `${n} ${name(w, n)}`).join(', ');
}

/**
 * Messages gathered on one card (sent together, or too close to read apart): a forward of a
 * record with its children reads "Forward · 1 Account, 2 Contacts"; a mix "5 messages · 3
 * Updates, 2 Accepts".
 */
export function groupText(all: readonly MessageFacts[], held = false): string {
  if (all.length === 1) return cardText(all[0]!, held);
  const text = all.every((f) => f.kind === 'RecordForwarded')
    ? `Forward · ${tally(
        all.map((f) => f.objects[0] ?? 'record'),
        plural,
      )}`
    : `${all.length} messages · ${tally(
        all.map((f) => VERBS[f.kind]),
        (w, n) => (n === 1 ? w : `${w}s`),
      )}`;
  return held ? `${text} (held)` : text;
}
