import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { Command } from '../../../src/engine/commands/command.ts';
import { presetFile } from '../../../src/presets/catalog.ts';
import { CONCURRENT_EDITS } from '../../../src/ui/classroom/tours/concurrentEdits.ts';
import { FULL_SETUP } from '../../../src/ui/classroom/tours/fullSetup.ts';
import { TOURS } from '../../../src/ui/classroom/tours/index.ts';
import { EDGE_TOURS } from '../../../src/ui/classroom/tours/edgeTours.ts';
import { DEFAULT_ORGS } from '../../../src/app/preset.ts';

/** Each step's check must be false before the learner acts and true after: Next waits for it. */
function expectStep(s: S2S, tourStep: number, act: () => void) {
  const step = FULL_SETUP.steps[tourStep]!;
  expect(step.check!(s), `step ${tourStep + 1} done before it was done`).toBe(false);
  act();
  expect(step.check!(s), `step ${tourStep + 1} not done after doing it`).toBe(true);
}

describe('walkthroughs are data whose checks are engine queries', () => {
  it('every tour step has a title, two or three sentences, and a target or none', () => {
    for (const tour of TOURS)
      for (const step of tour.steps) {
        expect(step.title.length).toBeGreaterThan(5);
        const sentences = step.text.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
        expect(sentences, `${tour.name}: ${step.title}`).toBeGreaterThanOrEqual(2);
        expect(sentences, `${tour.name}: ${step.title}`).toBeLessThanOrEqual(4);
      }
    for (const tour of TOURS)
      if (tour.start !== 'empty') expect(presetFile(tour.start.preset)).not.toBeNull();
  });

  it('EN-1, CONN-1…3, PUB-1, SUB-1, SUB-5, FWD-1, SYNC-2: the full setup holds step by step on the engine', () => {
    const s = S2S.create({ seed: 7 });
    s.run(DEFAULT_ORGS);
    const [A, G] = s.orgs().map((o) => o.adminId) as [string, string];
    const run = (...c: Command[]) => s.run(c);
    const conn = (org: string) => s.connections(org)[0]!.Id;
    let accountId = '';
    let contactId = '';
    let initech = '';
    expectStep(s, 0, () => run({ type: 's2s.enable', org: 'acme', as: A }));
    expectStep(s, 1, () => run({ type: 's2s.enable', org: 'globex', as: G }));
    expectStep(s, 2, () => {
      accountId = s.run([
        {
          type: 'record.create',
          org: 'acme',
          as: A,
          object: 'Account',
          values: { Name: 'Globex Corp' },
        },
      ])[0]!.ok
        ? s.records('acme', { object: 'Account' })[0]!.Id
        : '';
    });
    expectStep(s, 3, () => {
      const r = s.dispatch({
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Contact',
        values: { LastName: 'Lee', Email: 'lee@globex.example.com', AccountId: accountId },
      });
      contactId = r.ok ? r.id! : '';
    });
    expectStep(s, 4, () => run({ type: 'connection.invite', org: 'acme', as: A, contactId }));
    expectStep(s, 5, () => s.runUntilIdle());
    // Done only once the decision has reached Acme too (CONN-5: Acme publishes next).
    expectStep(s, 6, () => {
      run({ type: 'connection.accept', org: 'globex', as: G, connectionId: conn('globex') });
      s.runUntilIdle();
    });
    expectStep(s, 7, () =>
      run({
        type: 'connection.publish',
        org: 'acme',
        as: A,
        connectionId: conn('acme'),
        object: 'Account',
      }),
    );
    s.runUntilIdle();
    // Done only once the subscription has reached Acme (FWD-2: Acme forwards next).
    expectStep(s, 8, () => {
      run({
        type: 'connection.subscribe',
        org: 'globex',
        as: G,
        connectionId: conn('globex'),
        partnerObject: 'Account',
        autoAccept: true,
      });
      s.runUntilIdle();
    });
    expectStep(s, 9, () => {
      const r = s.dispatch({
        type: 'record.create',
        org: 'acme',
        as: A,
        object: 'Account',
        values: { Name: 'Initech' },
      });
      initech = r.ok ? r.id! : '';
      run({
        type: 'record.forward',
        org: 'acme',
        as: A,
        recordIds: [initech],
        connectionIds: [conn('acme')],
      });
    });
    expectStep(s, 10, () => s.runUntilIdle());
    expectStep(s, 11, () =>
      run({
        type: 'connection.publish',
        org: 'globex',
        as: G,
        connectionId: conn('globex'),
        object: 'Account',
      }),
    );
    s.runUntilIdle();
    expectStep(s, 12, () =>
      run({
        type: 'connection.subscribe',
        org: 'acme',
        as: A,
        connectionId: conn('acme'),
        partnerObject: 'Account',
      }),
    );
    s.runUntilIdle();
    expectStep(s, 13, () =>
      run({ type: 'link.set', from: 'acme', to: 'globex', both: true, link: { latencyMs: 3000 } }),
    );
    const copy = s
      .records('globex', { object: 'Account' })
      .find((r) => r.fields.Name === 'Initech')!;
    expectStep(s, 14, () => {
      run({
        type: 'record.update',
        org: 'globex',
        as: G,
        id: copy.Id,
        values: { Name: 'Initech Global' },
      });
      s.runUntilIdle();
    });
    expect(s.record('acme', initech)!.record.fields.Name).toBe('Initech Global');
  });

  it('SYNC-3: the concurrent-edits tour waits for the crossing, then for a repair', () => {
    const s = S2S.fromScenario(presetFile('concurrent-edits')!.scenario);
    const [wire, swapped, checker, repair] = CONCURRENT_EDITS.steps;
    expect(wire!.check!(s)).toBe(false);
    s.runUntilIdle();
    expect([wire, swapped, checker].map((x) => x!.check!(s))).toEqual([true, true, true]);
    expect(repair!.check!(s)).toBe(false);
    const copy = s
      .records('globex', { object: 'Account' })
      .find((r) => r.fields.Name === 'Initech')!;
    s.dispatch({
      type: 'record.update',
      org: 'globex',
      as: s.orgs()[1]!.adminId,
      id: copy.Id,
      values: { Phone: '555-3333' },
    });
    expect(repair!.check!(s)).toBe(false); // still on the wire
    s.runUntilIdle();
    expect(repair!.check!(s)).toBe(true);
  });

  it('SYNC-1, SYNC-4, SYNC-5, SUB-4, SUB-5, REC-4: each edge-case tour waits for its preset to play out, then holds', () => {
    for (const tour of EDGE_TOURS) {
      if (tour.start === 'empty') throw new Error(`${tour.name} starts from a preset`);
      const p = presetFile(tour.start.preset)!;
      expect(p.tour).toBe(tour.name);
      const s = S2S.fromScenario(p.scenario);
      const last = tour.steps.at(-1)!;
      expect(last.check!(s), `${tour.name} done before playing`).toBe(false);
      if (tour.name === 'paused-edits') {
        expect(s.inFlight().filter((m) => m.held)).toHaveLength(3);
        expect(tour.steps[1]!.check!(s)).toBe(false);
        s.dispatch({ type: 'link.set', from: 'acme', to: 'globex', link: { paused: false } });
        expect(tour.steps[1]!.check!(s)).toBe(true);
      } else expect(tour.steps[0]!.check!(s), tour.name).toBe(false);
      s.runUntilIdle();
      for (const step of tour.steps)
        if (step.check) expect(step.check(s), `${tour.name}: ${step.title}`).toBe(true);
    }
  });
});
