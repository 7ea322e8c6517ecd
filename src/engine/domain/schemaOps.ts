import { checkCustomApiName, sameApiName } from './apiNames.ts';
import { createCustomObject, type CustomObjectInput } from './customObjects.ts';
import { LABEL_MAX, validateCustomField } from './fieldDefinition.ts';
import { formulaInputs } from './formula.ts';
import { ANY_OBJECT, type FieldDef } from './fieldTypes.ts';
import { findField, type ObjectDef } from './objectDef.ts';
import { accept, refuse, type Outcome } from './result.ts';
import { STANDARD_OBJECTS } from './standardObjects.ts';

// An org's schema, keyed by object API name. Operations never mutate: they return a new
// schema (sharing the untouched objects) so an old snapshot stays valid for replay and undo.
export type OrgSchema = Record<string, ObjectDef>;

// Objects a lookup may point to that the sandbox does not model as schemas.
const PLATFORM_OBJECTS: ReadonlySet<string> = new Set(['User', 'Group']);

export function defaultSchema(): OrgSchema {
  const schema: OrgSchema = {};
  for (const obj of STANDARD_OBJECTS) schema[obj.apiName] = structuredClone(obj);
  return schema;
}

export function getObject(schema: OrgSchema, object: string): ObjectDef | undefined {
  return Object.hasOwn(schema, object) ? schema[object] : undefined;
}

export function getField(schema: OrgSchema, object: string, apiName: string): FieldDef | undefined {
  const obj = getObject(schema, object);
  return obj && findField(obj, apiName);
}

function withFields(schema: OrgSchema, obj: ObjectDef, fields: FieldDef[]): OrgSchema {
  return { ...schema, [obj.apiName]: { ...obj, fields } };
}

function missingObject(object: string) {
  return refuse(`This org has no object named ${object}.`);
}

export function addCustomObject(schema: OrgSchema, input: CustomObjectInput): Outcome<OrgSchema> {
  if (Object.keys(schema).some((name) => sameApiName(name, input.apiName))) {
    return refuse(`This org already has an object named ${input.apiName}.`);
  }
  const lookups = checkLookupTargets(schema, input.fields ?? []);
  if (!lookups.ok) return lookups;
  const prefixes = Object.values(schema).map((o) => o.keyPrefix);
  const created = createCustomObject(input, prefixes);
  if (!created.ok) return created;
  for (const field of created.value.fields) {
    const inputs = checkFormulaInputs(created.value, field);
    if (!inputs.ok) return inputs;
  }
  return accept({ ...schema, [created.value.apiName]: created.value });
}

function checkLookupTargets(schema: OrgSchema, fields: FieldDef[]): Outcome<true> {
  for (const field of fields) {
    if (field.type.kind !== 'Lookup') continue;
    for (const target of field.type.referenceTo.split(',')) {
      if (target !== ANY_OBJECT && !PLATFORM_OBJECTS.has(target) && !getObject(schema, target)) {
        return refuse(`${field.label}: lookup to ${target}, which this org does not have.`);
      }
    }
  }
  return accept(true);
}

export function addCustomField(
  schema: OrgSchema,
  object: string,
  field: FieldDef,
): Outcome<OrgSchema> {
  const obj = getObject(schema, object);
  if (!obj) return missingObject(object);
  const valid = validateCustomField(field);
  if (!valid.ok) return valid;
  if (findField(obj, field.apiName)) {
    return refuse(`${obj.label} already has a field named ${field.apiName}.`);
  }
  const lookups = checkLookupTargets(schema, [field]);
  if (!lookups.ok) return lookups;
  const inputs = checkFormulaInputs(obj, field);
  if (!inputs.ok) return inputs;
  return accept(withFields(schema, obj, [...obj.fields, { ...field, custom: true }]));
}

// A formula reads plain fields of its own object; formulas of formulas are not modelled.
function checkFormulaInputs(obj: ObjectDef, field: FieldDef): Outcome<true> {
  if (field.type.kind !== 'FormulaText' || field.type.formula === undefined) return accept(true);
  for (const name of formulaInputs(field.type.formula)) {
    const input = findField(obj, name);
    if (!input)
      return refuse(`${field.label}: the formula reads ${name}, which ${obj.label} does not have.`);
    if (input.type.kind === 'FormulaText')
      return refuse(
        `${field.label}: the formula reads ${name}, another formula; the sandbox models formulas of plain fields only.`,
      );
  }
  return accept(true);
}

/** Formula fields of an object that read `apiName`. */
function formulasReading(obj: ObjectDef, apiName: string): FieldDef[] {
  return obj.fields.filter(
    (f) =>
      f.type.kind === 'FormulaText' &&
      f.type.formula !== undefined &&
      formulaInputs(f.type.formula).some((n) => sameApiName(n, apiName)),
  );
}

function usedByFormula(obj: ObjectDef, field: FieldDef, action: string): Outcome<true> {
  const users = formulasReading(obj, field.apiName);
  return users.length
    ? refuse(
        `${field.label} cannot be ${action}: formula ${users.map((f) => f.apiName).join(', ')} reads it. Change or delete the formula first.`,
      )
    : accept(true);
}

// Standard fields belong to Salesforce: they can be relabelled in a real org but never
// renamed or deleted, so the sandbox refuses both.
function customFieldOf(
  schema: OrgSchema,
  object: string,
  apiName: string,
  action: string,
): Outcome<{ obj: ObjectDef; field: FieldDef }> {
  const obj = getObject(schema, object);
  if (!obj) return missingObject(object);
  const field = findField(obj, apiName);
  if (!field) return refuse(`${obj.label} has no field named ${apiName}.`);
  if (!field.custom) {
    return refuse(`${field.label} (${field.apiName}) is a standard field and cannot be ${action}.`);
  }
  return accept({ obj, field });
}

// Renaming is how SUB-4 breaks a mapping: partners still send the old API name.
export function renameField(
  schema: OrgSchema,
  object: string,
  oldApi: string,
  newApi: string,
  newLabel?: string,
): Outcome<OrgSchema> {
  const found = customFieldOf(schema, object, oldApi, 'renamed');
  if (!found.ok) return found;
  const { obj, field } = found.value;
  if (!sameApiName(oldApi, newApi)) {
    const used = usedByFormula(obj, field, 'renamed');
    if (!used.ok) return used;
  }
  const name = checkCustomApiName(newApi, 'field');
  if (!name.ok) return name;
  if (!sameApiName(oldApi, newApi) && findField(obj, newApi)) {
    return refuse(`${obj.label} already has a field named ${newApi}.`);
  }
  const label = (newLabel ?? field.label).trim();
  if (label === '' || label.length > LABEL_MAX) {
    return refuse(`A field label must be 1 to ${LABEL_MAX} characters.`);
  }
  const renamed: FieldDef = { ...field, apiName: newApi, label };
  return accept(
    withFields(
      schema,
      obj,
      obj.fields.map((f) => (f === field ? renamed : f)),
    ),
  );
}

export function deleteField(
  schema: OrgSchema,
  object: string,
  apiName: string,
): Outcome<OrgSchema> {
  const found = customFieldOf(schema, object, apiName, 'deleted');
  if (!found.ok) return found;
  const { obj, field } = found.value;
  const used = usedByFormula(obj, field, 'deleted');
  if (!used.ok) return used;
  return accept(
    withFields(
      schema,
      obj,
      obj.fields.filter((f) => f !== field),
    ),
  );
}
