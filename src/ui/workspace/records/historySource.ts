import type { ChangeSource } from '../../../engine/state/org.ts';

/** Who made a change (SYNC-7): a user, or the Connection User and the connection it came through. */
export function historySource(
  source: ChangeSource,
  userName: (id: string) => string,
  connectionName: (id: string) => string,
): string {
  if (source.via) return `${userName(source.by)} via ${connectionName(source.via)}`;
  if (source.automation) return `Automation (${userName(source.by)})`;
  return userName(source.by);
}
