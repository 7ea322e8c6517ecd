import { checkCustomApiName, sameApiName } from './apiNames.ts';
import { LABEL_MAX, validateCustomField } from './fieldDefinition.ts';
import * as f from './fieldBuilders.ts';
import type { FieldDef } from './fieldTypes.ts';
import type { ObjectDef } from './objectDef.ts';
import { accept, refuse, type Outcome } from './result.ts';

export interface CustomObjectInput {
  apiName: string;
  label: string;
  pluralLabel?: string;
  fields?: FieldDef[];
}

// Salesforce Ids are base 62 (digits, upper, lower case); custom objects take prefixes from
// a00 upward. Choosing the first free one keeps prefixes deterministic for a given schema.
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function nextCustomKeyPrefix(existingPrefixes: Iterable<string>): string | undefined {
  const used = new Set(existingPrefixes);
  for (const a of BASE62) {
    for (const b of BASE62) {
      const prefix = `a${a}${b}`;
      if (!used.has(prefix)) return prefix;
    }
  }
  return undefined;
}

export function createCustomObject(
  input: CustomObjectInput,
  existingPrefixes: Iterable<string>,
): Outcome<ObjectDef> {
  const name = checkCustomApiName(input.apiName, 'object');
  if (!name.ok) return name;
  const label = input.label.trim();
  if (label === '') return refuse(`Object ${input.apiName} needs a label.`);
  if (label.length > LABEL_MAX) {
    return refuse(`Object label "${label}" is longer than ${LABEL_MAX} characters.`);
  }
  const pluralLabel = input.pluralLabel?.trim() || `${label}s`;

  const custom: FieldDef[] = [];
  for (const field of input.fields ?? []) {
    const ok = validateCustomField(field);
    if (!ok.ok) return ok;
    if (custom.some((c) => sameApiName(c.apiName, field.apiName))) {
      return refuse(`${input.apiName} already has a field named ${field.apiName}.`);
    }
    custom.push({ ...field, custom: true });
  }

  const keyPrefix = nextCustomKeyPrefix(existingPrefixes);
  if (keyPrefix === undefined) return refuse('This org has no free custom object key prefix left.');

  return accept({
    apiName: input.apiName,
    label,
    pluralLabel,
    keyPrefix,
    nameField: 'Name',
    custom: true,
    s2sSupported: true,
    // Name, owner and system fields come with every custom object, as in Salesforce.
    fields: [
      f.text('Name', `${label} Name`, 80, { required: true }),
      ...custom,
      f.lookup('OwnerId', 'Owner', 'User'),
      ...f.systemFields(label),
    ],
  });
}
