import type { AnyStateMachine } from 'xstate';
import { connectionMachine, recordShareMachine } from '../machines/index.ts';

export interface LifecycleTransition {
  event: string;
  to: string;
}

export interface LifecycleState {
  name: string;
  final: boolean;
  /** Distance from the initial state (shortest path), for laying the states out in columns. */
  depth: number;
  transitions: LifecycleTransition[];
}

export interface Lifecycle {
  id: string;
  initial: string;
  states: LifecycleState[];
}

export type LifecycleKind = 'connection' | 'recordShare';

const MACHINES: Record<LifecycleKind, AnyStateMachine> = {
  connection: connectionMachine,
  recordShare: recordShareMachine,
};

/**
 * A machine's states and transitions as plain data, read from the XState definition itself
 * (its state nodes and their transition maps), so a drawing of it cannot drift from the
 * machine the engine steps.
 */
export function lifecycleOf(machine: AnyStateMachine): Lifecycle {
  const root = machine.root;
  const initial = root.initial.target[0]?.key ?? Object.keys(root.states)[0]!;
  const states: LifecycleState[] = Object.entries(root.states).map(([name, node]) => ({
    name,
    final: node.type === 'final',
    depth: -1,
    transitions: [...node.transitions.entries()].flatMap(([event, defs]) =>
      defs.flatMap((d) => (d.target ?? []).map((t) => ({ event, to: t.key }))),
    ),
  }));
  const byName = new Map(states.map((s) => [s.name, s]));
  const queue = [initial];
  byName.get(initial)!.depth = 0;
  while (queue.length) {
    const s = byName.get(queue.shift()!)!;
    for (const t of s.transitions) {
      const next = byName.get(t.to);
      if (next && next.depth < 0) {
        next.depth = s.depth + 1;
        queue.push(next.name);
      }
    }
  }
  return { id: machine.id, initial, states };
}

const cache = new Map<LifecycleKind, Lifecycle>();

export function lifecycle(kind: LifecycleKind): Lifecycle {
  let l = cache.get(kind);
  if (!l) cache.set(kind, (l = lifecycleOf(MACHINES[kind])));
  return structuredClone(l);
}
