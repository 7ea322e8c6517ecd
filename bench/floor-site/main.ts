import { mount } from 'svelte';
import { SvelteFlow, type Edge, type Node } from '@xyflow/svelte';
import '@xyflow/svelte/dist/style.css';

// The least a first screen of this stack can do: Svelte and SvelteFlow drawing two nodes.
const nodes: Node[] = [
  { id: 'a', position: { x: 0, y: 0 }, data: { label: 'Acme' } },
  { id: 'b', position: { x: 0, y: 200 }, data: { label: 'Globex' } },
];
const edges: Edge[] = [];
mount(SvelteFlow, {
  target: document.getElementById('app')!,
  props: { nodes, edges, fitView: true },
});
