import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { Command } from '../../../src/engine/commands/command.ts';
import type { JournalEntry } from '../../../src/engine/journal.ts';

describe('dispatching commands', () => {
  it('tells command listeners each command with its index and virtual time', () => {
    const s = S2S.create({ seed: 1 });
    const seen: JournalEntry[] = [];
    s.sandbox.onCommand((entry) => seen.push(entry));
    s.dispatch({ type: 'org.create', org: 'acme', name: 'Acme' });
    s.advance(250);
    s.dispatch({ type: 'org.create', org: 'acme', name: 'Acme again' });
    expect(seen.map((e) => [e.index, e.at, e.command.type])).toEqual([
      [0, 0, 'org.create'],
      [1, 0, 'clock.advance'],
      [2, 250, 'org.create'],
    ]);
  });

  it('refuses a malformed command with a reason instead of throwing, and changes nothing', () => {
    const s = S2S.create({ seed: 1 });
    s.run([{ type: 'org.create', org: 'acme', name: 'Acme' }]);
    s.run([{ type: 's2s.enable', org: 'acme', as: s.orgs()[0]!.adminId }]);
    const before = JSON.stringify(s.sandbox.state.orgs);
    const bad = {
      type: 'record.forward',
      org: 'acme',
      as: s.orgs()[0]!.adminId,
    } as unknown as Command;
    const r = s.dispatch(bad);
    expect(r).toMatchObject({ ok: false, rule: 'API' });
    expect(r.ok ? '' : r.reason).toMatch(/^Malformed record\.forward command/);
    expect(JSON.stringify(s.sandbox.state.orgs)).toBe(before);
    expect(s.dispatch(null as unknown as Command)).toMatchObject({ ok: false, rule: 'API' });
  });

  it('replays a scenario with a refused malformed command to the same state', () => {
    const s = S2S.create({ seed: 4 });
    s.dispatch({ type: 'org.create', org: 'acme', name: 'Acme' });
    s.dispatch({ type: 'record.update', org: 'acme' } as unknown as Command);
    const again = S2S.fromScenario(JSON.parse(JSON.stringify(s.scenario())));
    expect(JSON.stringify(again.sandbox.state.log)).toBe(JSON.stringify(s.sandbox.state.log));
  });
});
