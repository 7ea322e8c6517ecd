// The org nodes' record rows, loaded with the first org that shares a record.
export { default as OrgRecords } from './OrgRecords.svelte';
export { shareRowsFor } from './shareRows.ts';
