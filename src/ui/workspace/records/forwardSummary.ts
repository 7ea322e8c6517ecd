import type { CommandPreview } from '../../../engine/api.ts';
import type { OrgSchema } from '../../../engine/domain/index.ts';

/**
 * The engine's preview of a forward, in words: "1 Account and 3 Contacts will be sent to
 * Globex". Counts the shares the plan would create, by object and connection.
 */
export function forwardSummary(
  preview: Extract<CommandPreview, { ok: true }>,
  schema: OrgSchema,
  connectionName: (id: string) => string,
): string {
  const byConnection = new Map<string, Map<string, number>>();
  for (const op of preview.ops) {
    if (op.op !== 'putRecordConnection') continue;
    const perObject = byConnection.get(op.pnrc.ConnectionId) ?? new Map<string, number>();
    perObject.set(op.pnrc.object, (perObject.get(op.pnrc.object) ?? 0) + 1);
    byConnection.set(op.pnrc.ConnectionId, perObject);
  }
  if (!byConnection.size) return 'Nothing will be sent.';
  const lines = [...byConnection].map(([conn, perObject]) => {
    const parts = [...perObject].map(([object, n]) => {
      const def = schema[object];
      return `${n} ${n === 1 ? (def?.label ?? object) : (def?.pluralLabel ?? object)}`;
    });
    const list =
      parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
    return `${list} will be sent to ${connectionName(conn)}.`;
  });
  return lines.join(' ');
}
