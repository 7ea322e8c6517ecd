import type { CommandResult } from '../engine/commands/command.ts';

/** A `record.forward` command, with or without the org and user a workspace adds. */
interface Forward {
  type: 'record.forward';
  recordIds: string[];
  from?: 'listView' | 'record';
}

/**
 * Records per `record.forward` command when a person forwards many at once. The engine takes
 * about 20–40 µs a record, so a slice leaves most of a frame to drawing and delivering;
 * 10,000 records in one command blocked the page for a quarter of a second or more.
 */
export const FORWARD_SLICE = 100;

/** A forward cut into commands of at most `size` records, in the order they were chosen. */
export function forwardSlices<F extends Forward>(
  cmd: F,
  size = FORWARD_SLICE,
): (F & Pick<Forward, 'from'>)[] {
  if (cmd.recordIds.length <= size) return [cmd];
  const out: (F & Pick<Forward, 'from'>)[] = [];
  // A slice of one record would count as a record page's forward (PERM-1): say where it began.
  const from = cmd.from ?? 'listView';
  for (let i = 0; i < cmd.recordIds.length; i += size)
    out.push({ ...cmd, from, recordIds: cmd.recordIds.slice(i, i + size) });
  return out;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Dispatches a forward one slice a frame, so the page keeps drawing (the play loop delivers
 * the first slices meanwhile). Each slice is a command of its own, journaled and replayed as
 * any other. Stops at the first refusal, which says how many records went before it.
 */
export async function dispatchSliced<F extends Forward>(
  dispatch: (cmd: F) => CommandResult,
  cmd: F,
  wait: () => Promise<void> = nextFrame,
): Promise<CommandResult> {
  const slices = forwardSlices(cmd);
  const ids: string[] = [];
  for (let k = 0; k < slices.length; k++) {
    if (k > 0) await wait();
    const r = dispatch(slices[k]!);
    if (!r.ok) {
      if (!ids.length) return r;
      const done = k * FORWARD_SLICE;
      return {
        ...r,
        reason: `${r.reason} (${done.toLocaleString('en-US')} records were forwarded before it.)`,
      };
    }
    ids.push(...(r.ids ?? (r.id ? [r.id] : [])));
  }
  return { ok: true, id: ids[0], ids };
}
