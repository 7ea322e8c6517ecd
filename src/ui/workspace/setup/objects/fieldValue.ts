import type { FieldType, FieldValue } from '../../../../engine/domain/fieldTypes.ts';

/** The value typed for a field update, as the field's type stores it; blank clears the field. */
export function typedValue(type: FieldType | undefined, text: string): FieldValue {
  if (text.trim() === '') return null;
  switch (type?.kind) {
    case 'Number':
    case 'Currency':
    case 'Percent':
      return Number(text);
    case 'Checkbox':
      return text === 'true';
    default:
      return text;
  }
}
