import type { Edge, Node } from '@xyflow/svelte';
import type { OrgSummary } from '../../app/view.ts';

export type OrgNodeType = Node<{ org: OrgSummary; colour: string }, 'org'>;
export type ConnectionEdgeType = Edge<{ status: string }>;
