import type { Component } from 'svelte';
import type { Edge, Node } from '@xyflow/svelte';
import type { OrgSummary } from '../../app/view.ts';
import type { ConnectionShares, ShareRow } from '../../engine/queries/orgShares.ts';

export interface OrgNodeData extends Record<string, unknown> {
  org: OrgSummary;
  colour: string;
  /** Following a record: this org's copy ('pending' while it waits to be accepted), else null. */
  followed: string | null;
  inspect: () => void;
  /** The records it shares or has received, the rows that fit the node. */
  shares: ConnectionShares[];
  orgNames: ReadonlyMap<string, string>;
  /** The shares of a followed record, whose rows are highlighted. */
  followKeys: ReadonlySet<string> | null;
  openRecord: (row: ShareRow) => void;
  followRecord: (row: ShareRow) => void;
  /** The records list, loaded with the first org that shares a record. */
  Records: Component<{ data: OrgNodeData }> | null;
  /** Opens the org's workspace (the Stage layout's drawer); absent where it is on screen. */
  open?: (from: HTMLElement) => void;
}

export type OrgNodeType = Node<OrgNodeData, 'org'>;

/** One direction of one connection. */
export interface DirectionEdgeData extends Record<string, unknown> {
  statusLabel: string;
  color: string;
  dash: string;
  fromName: string;
  toName: string;
  latency: string;
  paused: boolean;
  faults: string[];
  open: () => void;
}

export type DirectionEdgeType = Edge<DirectionEdgeData, 'direction'>;
