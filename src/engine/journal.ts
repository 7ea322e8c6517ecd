import type { Command } from './commands/command.ts';
import type { Sandbox } from './sandbox.ts';
import type { SandboxSettings } from './state/settings.ts';

/**
 * One dispatched command and the virtual time it was dispatched at. Time moved by the
 * play loop between commands is not a command: replay advances the clock to `at` first,
 * which is equivalent because the clock runs every event up to a time in the same order
 * however the time is cut into slices.
 */
export interface JournalEntry {
  index: number;
  at: number;
  command: Command;
}

/** A seed, the starting settings and the commands: everything needed to rebuild a sandbox. */
export interface Scenario {
  format: 1;
  seed: number;
  settings?: Partial<SandboxSettings>;
  commands: JournalEntry[];
  /** Virtual time to run the clock to after the last command. */
  until?: number;
}

/** Replays entries the sandbox has not applied yet (index ≥ its command count). */
export function applyJournal(sb: Sandbox, entries: readonly JournalEntry[]) {
  for (const e of entries) {
    if (e.index < sb.state.commandCount) continue;
    if (e.at > sb.now) sb.advance(e.at - sb.now);
    sb.dispatch(e.command);
  }
}
