import type { OrgWorkspace } from '../orgWorkspace.svelte.ts';

/**
 * The Setup lists of one org, re-read on every engine change. Takes a getter so a workspace
 * that switches org reads the new one.
 */
export function setupData(get: () => OrgWorkspace) {
  const view = $derived.by(() => {
    const ws = get();
    void ws.version;
    return ws.s2s.setup(ws.orgId);
  });
  const users = $derived.by(() => {
    const ws = get();
    void ws.version;
    return ws.s2s.users(ws.orgId).filter((u) => !u.system);
  });
  const queues = $derived.by(() => {
    const ws = get();
    void ws.version;
    return ws.s2s.queues(ws.orgId);
  });
  const schema = $derived.by(() => {
    const ws = get();
    void ws.version;
    return ws.s2s.schema(ws.orgId);
  });
  return {
    get view() {
      return view;
    },
    get users() {
      return users;
    },
    get queues() {
      return queues;
    },
    get schema() {
      return schema;
    },
    get objects() {
      return Object.values(schema);
    },
    roleName(id: string | null | undefined) {
      return (id && view.roles.find((r) => r.Id === id)?.Name) || '';
    },
    ownerName(id: string) {
      return users.find((u) => u.Id === id)?.Name ?? queues.find((q) => q.Id === id)?.Name ?? id;
    },
  };
}

export type SetupData = ReturnType<typeof setupData>;

export const OPERATORS = [
  { value: 'equals', label: 'equals' },
  { value: 'contains', label: 'contains' },
  { value: 'isBlank', label: 'is blank' },
] as const;

export type Operator = (typeof OPERATORS)[number]['value'];

export const PROFILES = ['System Administrator', 'Standard User'] as const;
