import { S2S } from '../engine/api.ts';
import type { Command } from '../engine/commands/command.ts';

/** The first sandbox and every "New sandbox": two orgs, nothing set up yet. */
export const DEFAULT_ORGS: Command[] = [
  { type: 'org.create', org: 'acme', name: 'Acme', domain: 'acme.example.com' },
  { type: 'org.create', org: 'globex', name: 'Globex', domain: 'globex.example.com' },
];

export function newSeed(): number {
  return (Date.now() % 2_147_483_647) + 1;
}

/** The default preset, built here so a new sandbox shows before its rows are written. */
export function defaultSandbox(seed = newSeed()): S2S {
  const s = S2S.create({ seed });
  s.run(DEFAULT_ORGS);
  return s;
}
