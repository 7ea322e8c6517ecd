// The lifecycles' names, statuses and tables without XState: what the engine and the UI use
// at run time. index.ts adds the machines themselves (for tests and the inspector).
export * from './connectionStates.ts';
export * from './recordShareStates.ts';
export * from './tables.ts';
