import { describe, expect, it } from 'vitest';
import { Timeline } from '../../../src/engine/timeline/timeline.ts';
import { playedRun, stateText } from './playedRun.ts';

describe('Timeline', () => {
  it('rewinds to an earlier event and plays forward to the same end state as the original run', () => {
    const { s } = playedRun();
    const original = stateText(s);
    const total = s.sandbox.state.log.length;
    const tl = Timeline.of(s, { snapshotEvery: 20 });
    expect(tl.total).toBe(total);
    const back = tl.seek(Math.floor(total / 2));
    expect(tl.position).toBeGreaterThanOrEqual(Math.floor(total / 2));
    expect(tl.position).toBeLessThan(total);
    expect(back.sandbox.state.log.length).toBe(tl.position);
    // Play on in frames of 16 ms, as the play loop does.
    let left: number | null = 0;
    while (!tl.atEnd) left = tl.advance(16);
    // The last frame's time past the end belongs to the live sandbox.
    expect(left ?? -1).toBeGreaterThanOrEqual(0);
    expect(left ?? 99).toBeLessThan(16);
    expect(tl.position).toBe(total);
    expect(stateText(tl.sandbox)).toBe(original);
    expect(tl.sandbox.scenario()).toEqual(s.scenario());
  });

  it('a rewound sandbox is the one the original run had at that event', () => {
    const { s } = playedRun();
    const tl = Timeline.of(s, { snapshotEvery: 15 });
    const log = s.sandbox.state.log;
    for (const n of [5, 40, 77, log.length - 3, 12]) {
      const r = tl.seek(n);
      const p = tl.position;
      expect(r.sandbox.state.log).toEqual(log.slice(0, p));
      expect(r.now).toBe(log[p - 1]!.t);
    }
  });

  it('steps back one event at a time and forward again', () => {
    const { s } = playedRun(3, 3);
    const tl = Timeline.of(s, { snapshotEvery: 10 });
    tl.seek(tl.total);
    const seen: number[] = [tl.position];
    for (let k = 0; k < 12; k++) {
      tl.stepBack();
      seen.push(tl.position);
    }
    for (let k = 1; k < seen.length; k++) expect(seen[k]).toBeLessThan(seen[k - 1]!);
    const at = tl.position;
    tl.stepForward();
    expect(tl.position).toBe(seen[seen.length - 2]);
    expect(at).toBe(seen[seen.length - 1]);
  });

  it('seeking to the last event is the end of the run, its quiet time after included', () => {
    const { s } = playedRun();
    const tl = Timeline.of(s);
    tl.seek(tl.total);
    expect(tl.atEnd).toBe(true);
    expect(tl.sandbox.now).toBe(s.now);
  });

  it('resets to just after the starting scenario', () => {
    const { s } = playedRun();
    const tl = Timeline.of(s, { startCommands: 2 });
    tl.reset();
    expect(tl.sandbox.orgs().map((o) => o.id)).toEqual(['a', 'b']);
    expect(tl.sandbox.sandbox.state.commandCount).toBe(2);
    expect(tl.position).toBe(tl.start);
  });

  it('acting while rewound forks: the recorded future is dropped and reported', () => {
    const { s, A, acc } = playedRun();
    const forks: { position: number; dropped: number }[] = [];
    const tl = Timeline.of(s, {
      onFork: (f) => forks.push({ position: f.position, dropped: f.dropped.length }),
    });
    const r = tl.seek(Math.floor(tl.total * 0.6));
    const commandsBefore = r.sandbox.state.commandCount;
    const at = tl.position;
    r.dispatch({ type: 'record.update', org: 'a', as: A, id: acc, values: { Phone: 'forked' } });
    expect(tl.isForked).toBe(true);
    expect(forks).toEqual([
      { position: at, dropped: s.scenario().commands.length - commandsBefore },
    ]);
    expect(() => tl.seek(3)).toThrow(/forked/);
    // The original run is untouched.
    expect(s.record('a', acc)?.record.fields.Phone).not.toBe('forked');
  });
});
