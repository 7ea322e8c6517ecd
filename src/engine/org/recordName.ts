import type { FieldValue } from '../domain/index.ts';
import type { ObjectDef } from '../domain/objectDef.ts';
import type { OrgState, RecordId } from '../state/org.ts';
import { recordOf } from './recordCopies.ts';

/** The name a list or a page shows for a record's values. */
export function recordName(
  def: ObjectDef | undefined,
  id: string,
  fields: Record<string, FieldValue>,
): string {
  const own = def ? fields[def.nameField] : undefined;
  const first = def?.apiName === 'Contact' || def?.apiName === 'Lead' ? fields.FirstName : null;
  const name = [first, own].filter((v) => v !== null && v !== undefined && v !== '').join(' ');
  return name || id;
}

/**
 * A record as a sentence names it: its name with its Id after it, as Salesforce shows a record
 * ("Initech (001A00000000001)"); the Id alone when it has no name or is gone.
 */
export function namedRecord(org: OrgState, id: RecordId | null | undefined): string {
  if (!id) return 'a record';
  const rec = recordOf(org, id);
  if (!rec) return id;
  const name = recordName(org.schema[rec.object], id, rec.fields);
  return name === id ? id : `${name} (${id})`;
}
