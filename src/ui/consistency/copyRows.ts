import type { ShareReport } from '../../engine/checker/findings.ts';

export interface CopyRow {
  /** The field in the sender's copy and in the receiver's (they differ when mapped). */
  senderField: string;
  receiverField: string;
  senderValue: unknown;
  receiverValue: unknown;
  differs: boolean;
}

/**
 * One shared record's two copies, row by row: the fields the checker found differing first
 * (paired through the mapping, whichever direction they flow), then fields both copies have
 * under the same name.
 */
export function copyRows(
  share: ShareReport,
  sender: Record<string, unknown> | undefined,
  receiver: Record<string, unknown> | undefined,
): CopyRow[] {
  const rows: CopyRow[] = [];
  const seen = new Set<string>();
  for (const d of share.differences) {
    const [s, r] = d.from.org === share.sender.org ? [d.from, d.to] : [d.to, d.from];
    const key = `${s.field}|${r.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      senderField: s.field,
      receiverField: r.field,
      senderValue: s.value,
      receiverValue: r.value,
      differs: true,
    });
  }
  const named = new Set(rows.flatMap((r) => [`s:${r.senderField}`, `r:${r.receiverField}`]));
  for (const f of Object.keys(sender ?? {})) {
    if (named.has(`s:${f}`) || named.has(`r:${f}`) || !(f in (receiver ?? {}))) continue;
    if (f === 'Id' || f.endsWith('Id')) continue; // ids are each org's own, never shared
    rows.push({
      senderField: f,
      receiverField: f,
      senderValue: sender![f],
      receiverValue: receiver![f],
      differs: false,
    });
  }
  return rows;
}

export function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
