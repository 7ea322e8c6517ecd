import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { S2S } from '../../src/engine/api.ts';
import { edit, ownedEdit, schedule } from './schedules.ts';
import { FIELDS, RUNS, restore, settle, toCommand, world, type Step } from './world.ts';

function run(steps: Step[], settings?: Parameters<S2S['dispatch']>[0]) {
  const w = world();
  const s = restore(w);
  if (settings) s.dispatch(settings);
  for (const step of steps) {
    // Users of an offline org cannot work: such an edit is refused and changes nothing.
    s.dispatch(toCommand(w, step));
  }
  settle(s);
  return { s, w };
}

// Runs scale with S2S_PROPERTY_RUNS, so the time allowed does too.
describe(
  'engine properties over random schedules of commands and faults',
  { timeout: 30_000 + RUNS * 20 },
  () => {
    it('SYNC-4 / SYNC-2: with default guarantees and no concurrent edits of a field, all copies agree once the network is quiet', () => {
      fc.assert(
        fc.property(schedule(ownedEdit), (steps) => {
          const { s } = run(steps);
          const report = s.check();
          expect(report.quiet).toBe(true);
          expect(report.shares.filter((x) => !x.agree)).toEqual([]);
          expect(report.findings.filter((f) => f.kind === 'non-convergence')).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });

    it('SYNC-4: nothing is lost across pauses and offline periods: every update sent is applied', () => {
      fc.assert(
        fc.property(schedule(ownedEdit), (steps) => {
          const w = world();
          const s = restore(w);
          // The last accepted edit of every field is what both copies must end with.
          const last = new Map<string, unknown>();
          for (const step of steps) {
            const cmd = toCommand(w, step);
            const result = s.dispatch(cmd);
            if (step.kind === 'edit' && result.ok) {
              const field = FIELDS[step.field]!;
              last.set(
                `${step.record}|${field}`,
                (cmd as { values: Record<string, unknown> }).values[field],
              );
            }
          }
          settle(s);
          const log = s.log();
          const sent = new Set(
            log
              .filter((e) => e.kind === 'send' && e.data?.body === 'RecordUpdated')
              .map((e) => e.msg),
          );
          const handled = new Set(
            log
              .filter((e) => e.kind === 'apply' || e.kind === 'ignored' || e.kind === 'applyFailed')
              .map((e) => e.msg),
          );
          expect([...sent].filter((m) => !handled.has(m))).toEqual([]);
          for (const [key, value] of last) {
            const [rec, field] = key.split('|') as [string, string];
            const [a, b] = w.pairs[Number(rec)]!;
            expect(s.record('a', a)!.record.fields[field]).toBe(value);
            expect(s.record('b', b)!.record.fields[field]).toBe(value);
          }
        }),
        { numRuns: RUNS },
      );
    });

    it('SYNC-3: with concurrent edits, copies agree or the checker reports non-convergence for exactly the fields that differ', () => {
      fc.assert(
        fc.property(schedule(edit([0, 1])), (steps) => {
          const { s } = run(steps);
          const report = s.check();
          const differing = new Map(
            report.shares
              .filter((x) => !x.agree)
              .map((x) => [x.share, x.differences.map((d) => d.to.field).sort()]),
          );
          const reported = new Map(
            report.findings
              .filter((f) => f.kind === 'non-convergence')
              .map((f) => [f.share!, [...(f.fields ?? [])].sort()]),
          );
          expect(reported).toEqual(differing);
        }),
        { numRuns: RUNS },
      );
    });

    it('SYNC-3: with last-writer-wins, copies always agree once quiet', () => {
      fc.assert(
        fc.property(schedule(edit([0, 1])), (steps) => {
          const { s } = run(steps, {
            type: 'settings.set',
            settings: { conflictResolution: 'lastWriterWins' },
          });
          const report = s.check();
          expect(report.shares.filter((x) => !x.agree)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    });

    it('the same seed and commands give an identical event log, byte for byte', () => {
      fc.assert(
        fc.property(schedule(edit([0, 1])), (steps) => {
          const one = run(steps).s;
          const two = run(steps).s;
          expect(JSON.stringify(two.sandbox.state.log)).toBe(JSON.stringify(one.sandbox.state.log));
          const scenario = one.scenario();
          const replayed = S2S.fromScenario(JSON.parse(JSON.stringify(scenario)));
          expect(replayed.records('b')).toEqual(one.records('b'));
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
      );
    });

    it('a sandbox saved and restored mid-flight ends in the same state as an uninterrupted run', () => {
      fc.assert(
        fc.property(schedule(edit([0, 1])), fc.nat(), (steps, cut) => {
          const w = world();
          const whole = restore(w);
          const broken = restore(w);
          const at = cut % (steps.length + 1);
          steps.forEach((step, i) => {
            whole.dispatch(toCommand(w, step));
            if (i < at) broken.dispatch(toCommand(w, step));
          });
          // "Reload": only plain data survives.
          const reloaded = S2S.restore(JSON.parse(JSON.stringify(broken.snapshot())));
          steps.slice(at).forEach((step) => reloaded.dispatch(toCommand(w, step)));
          settle(whole);
          settle(reloaded);
          expect(JSON.stringify(reloaded.sandbox.state.orgs)).toBe(
            JSON.stringify(whole.sandbox.state.orgs),
          );
        }),
        { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
      );
    });

    it('SYNC-4: with the guarantees off, the checker reports the anomalies the schedule caused', () => {
      fc.assert(
        fc.property(schedule(edit([0]).map((e) => ({ ...e, record: 0 }))), (steps) => {
          const w = world();
          const s = restore(w);
          s.dispatch({
            type: 'link.set',
            from: 'a',
            to: 'b',
            both: true,
            link: {
              inOrder: false,
              dedupe: false,
              reorder: true,
              jitterMs: 4000,
              duplicateRate: 0.3,
            },
          });
          for (const step of steps) if (step.kind !== 'faults') s.dispatch(toCommand(w, step));
          settle(s);
          const report = s.check();
          const applies = s.log({ kind: 'apply', org: 'b' });
          const seen = new Set<number>();
          let duplicate = false;
          let outOfOrder = false;
          let last = -1;
          for (const e of applies) {
            if (seen.has(e.msg!)) duplicate = true;
            else if (Number(e.data!.chanSeq) < last) outOfOrder = true;
            seen.add(e.msg!);
            last = Math.max(last, Number(e.data!.chanSeq));
          }
          expect(report.findings.some((f) => f.kind === 'duplicate write')).toBe(duplicate);
          expect(report.findings.some((f) => f.kind === 'monotonic-writes violation')).toBe(
            outOfOrder,
          );
        }),
        { numRuns: RUNS },
      );
    });
  },
);
