// The pure domain layer: schemas, field types and the S2S rules about them. No I/O, no DOM.
export * from './result.ts';
export * from './fieldTypes.ts';
export * from './validateValue.ts';
export * from './numberDigits.ts';
export * from './dates.ts';
export * from './salesforceId.ts';
export * from './apiNames.ts';
export * from './fieldDefinition.ts';
export * from './compatibility.ts';
export * from './publishability.ts';
export * from './objectDef.ts';
export * from './standardObjects.ts';
export * from './defaultPublished.ts';
export * from './customObjects.ts';
export * from './schemaOps.ts';
export * from './autoMap.ts';
export * from './formula.ts';
export * as fieldBuilders from './fieldBuilders.ts';
