import type { S2S } from '../../engine/api.ts';
import type { Command, CommandResult } from '../../engine/commands/command.ts';

/** What a workspace reads from the open sandbox (the app's session, or a bench's stand-in). */
export interface WorkspaceSource {
  readonly s2s: S2S | undefined;
  readonly view: { readonly version: number };
  readonly now: number;
  readonly meta: { readonly id: string } | null;
}

type OrgCommand = Extract<Command, { org: string; as: string }>;
/** An org command without `org` and `as`: the workspace adds both. */
export type WorkspaceCommand = OrgCommand extends infer C
  ? C extends OrgCommand
    ? Omit<C, 'org' | 'as'>
    : never
  : never;

export type Refusal = Extract<CommandResult, { ok: false }>;

/**
 * One org's workspace: which user is acting and which tab is open. Screens read the engine
 * through `s2s` after touching `version`, so they re-render whenever the sandbox changes, and
 * change it only through `dispatch`. The choice of user and tab survives a reload.
 */
export class OrgWorkspace {
  userId = $state('');
  tab = $state('setup');
  /** The record page open in each object tab (object API name → record Id). */
  openRecord = $state<Record<string, string | null>>({});
  /**
   * The connection page open in the Connections tab, and the partner object whose mapping is
   * being edited there: other screens send the user to fix a mapping (SUB-4, SYNC-5).
   */
  connectionPage = $state<{ id: string | null; mapping: string | null; sent?: true }>({
    id: null,
    mapping: null,
  });

  constructor(
    private readonly session: WorkspaceSource,
    readonly orgId: string,
  ) {
    if (!session.s2s) throw new Error('A workspace needs an open sandbox.');
    this.s2s = session.s2s;
    const saved = readSaved(this.storageKey);
    const users = this.s2s.users(orgId);
    const admin = this.s2s.orgs().find((o) => o.id === orgId)?.adminId ?? '';
    this.userId = saved?.userId && users.some((u) => u.Id === saved.userId) ? saved.userId : admin;
    this.tab = saved?.tab ?? 'setup';
  }

  /** The open sandbox's id, for what a screen keeps in this browser per sandbox. */
  get sandboxId(): string {
    return this.session.meta?.id ?? '';
  }

  private get storageKey() {
    return `s2s-workspace:${this.session.meta?.id ?? ''}:${this.orgId}`;
  }

  /**
   * The sandbox this workspace was opened on; read `version` first in a `$derived` so it re-runs
   * on every change. Held, not read from the session, so a screen still on the page while
   * another sandbox opens never looks up its org in the wrong sandbox.
   */
  readonly s2s: S2S;

  get version(): number {
    return this.session.view.version;
  }

  /** Virtual time, updated every frame while the clock plays. */
  get now(): number {
    return this.session.now;
  }

  get org() {
    void this.version;
    return this.s2s.orgs().find((o) => o.id === this.orgId)!;
  }

  get user() {
    void this.version;
    return this.s2s.users(this.orgId).find((u) => u.Id === this.userId);
  }

  /** The org's name for another org's id, as a user would read it. */
  orgName(id: string): string {
    return this.s2s.orgs().find((o) => o.id === id)?.name ?? id;
  }

  setUser(id: string) {
    this.userId = id;
    this.save();
  }

  setTab(id: string) {
    this.tab = id;
    this.save();
  }

  openRecordPage(object: string, id: string | null) {
    this.openRecord = { ...this.openRecord, [object]: id };
    if (id) this.setTab(object);
  }

  /** Opens a connection's page on its mapping editor for `partnerObject`. */
  openMapping(connectionId: string, partnerObject: string) {
    this.connectionPage = { id: connectionId, mapping: partnerObject, sent: true };
    this.setTab('connections');
  }

  /** Dispatches as the current user in this org; a refusal comes back for the screen to show. */
  dispatch(cmd: WorkspaceCommand): CommandResult {
    return this.s2s.dispatch({ ...cmd, org: this.orgId, as: this.userId } as Command);
  }

  /** What a command would do, changing nothing (the engine's preview). */
  preview(cmd: WorkspaceCommand) {
    return this.s2s.preview({ ...cmd, org: this.orgId, as: this.userId } as Command);
  }

  private save() {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ userId: this.userId, tab: this.tab }));
    } catch {
      // Storage may be off (private browsing); the choice then lasts until reload.
    }
  }
}

function readSaved(key: string): { userId?: string; tab?: string } | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { userId?: string; tab?: string }) : null;
  } catch {
    return null;
  }
}
