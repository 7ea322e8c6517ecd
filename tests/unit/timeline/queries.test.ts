import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { compareRuns } from '../../../src/engine/timeline/compareRuns.ts';
import { Timeline } from '../../../src/engine/timeline/timeline.ts';
import { playedRun } from './playedRun.ts';

describe('Following a record', () => {
  it('copiesOf lists the record and its copy in the partner org, from either side', () => {
    const { s, acc, copy } = playedRun(5, 1);
    expect(s.copiesOf('a', acc)).toEqual([
      { org: 'a', recordId: acc },
      { org: 'b', recordId: copy },
    ]);
    expect(s.copiesOf('b', copy)).toEqual([
      { org: 'b', recordId: copy },
      { org: 'a', recordId: acc },
    ]);
    expect(s.copiesOf('a', 'nope')).toEqual([]);
  });

  it('inFlightOf keeps only the messages about the followed record', () => {
    const { s, A, B, acc, copy } = playedRun(5, 1);
    const other = s.dispatch({
      type: 'record.create',
      org: 'a',
      as: A,
      object: 'Account',
      values: { Name: 'Other' },
    });
    s.run([
      { type: 'record.update', org: 'b', as: B, id: copy, values: { Website: 'x.example' } },
      {
        type: 'record.forward',
        org: 'a',
        as: A,
        recordIds: [other.ok ? other.id! : ''],
        connectionIds: [s.connections('a')[0]!.Id],
      },
    ]);
    expect(s.inFlight()).toHaveLength(2);
    const mine = s.inFlightOf('a', acc);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ from: 'b', to: 'a' });
    expect(mine[0]!.body.kind).toBe('RecordUpdated');
  });
});

describe('Sync lag series', () => {
  it('HLT-1: gives each applied update its lag per direction, the last equal to Health’s last lag', () => {
    const { s } = playedRun(9, 4);
    const series = s.lagSeries();
    expect(series.map((l) => `${l.from}>${l.to}`).sort()).toEqual(['a>b', 'b>a']);
    for (const l of series) {
      expect(l.points.length).toBe(4);
      const health = s.health(l.to)[0]!;
      expect(l.points[l.points.length - 1]![1]).toBe(health.lastLagMs);
      const average = l.points.reduce((n, p) => n + p[1], 0) / l.points.length;
      expect(average).toBeCloseTo(health.averageLagMs!, 6);
      for (let k = 1; k < l.points.length; k++)
        expect(l.points[k]![0]).toBeGreaterThanOrEqual(l.points[k - 1]![0]);
    }
  });
});

describe('Fault periods', () => {
  it('shades when a link was paused or had faults on and an org was offline, open while it lasts', () => {
    const s = S2S.create({ seed: 2 });
    s.run([
      { type: 'org.create', org: 'a', name: 'A' },
      { type: 'org.create', org: 'b', name: 'B' },
    ]);
    s.sandbox.advance(1000);
    s.run([{ type: 'link.set', from: 'a', to: 'b', both: true, link: { paused: true } }]);
    s.sandbox.advance(2000);
    s.run([{ type: 'link.set', from: 'a', to: 'b', link: { paused: false, reorder: true } }]);
    s.sandbox.advance(500);
    s.run([{ type: 'org.setOffline', org: 'b', offline: true }]);
    s.sandbox.advance(700);
    s.run([{ type: 'org.setOffline', org: 'b', offline: false }]);
    // Refused: changes nothing, so shades nothing.
    expect(s.dispatch({ type: 'link.set', from: 'a', to: 'zz', link: { paused: true } }).ok).toBe(
      false,
    );
    const periods = s.faultPeriods().map(({ startEvent: _, ...p }) => p);
    expect(periods).toEqual([
      { kind: 'paused', from: 'a', to: 'b', start: 1000, end: 3000 },
      { kind: 'paused', from: 'b', to: 'a', start: 1000, end: null },
      { kind: 'faults', from: 'a', to: 'b', start: 3000, end: null },
      { kind: 'offline', org: 'b', start: 3500, end: 4200 },
    ]);
  });
});

describe('compareRuns', () => {
  it('names the records that ended different, on which fields, and those only one run has', () => {
    const { s, A, acc } = playedRun(4, 2);
    const tl = Timeline.of(s);
    const fork = tl.seek(tl.total - 6);
    fork.run([
      { type: 'record.update', org: 'a', as: A, id: acc, values: { Phone: 'fork' } },
      { type: 'record.create', org: 'a', as: A, object: 'Account', values: { Name: 'Only here' } },
    ]);
    fork.sandbox.advance(10_000);
    const diff = compareRuns(s, fork);
    const changed = diff.find((d) => d.recordId === acc && d.org === 'a')!;
    expect(changed).toMatchObject({ object: 'Account', name: 'Initech' });
    expect(changed.fields.find((f) => f.field === 'Phone')).toEqual({
      field: 'Phone',
      a: s.record('a', acc)!.record.fields.Phone,
      b: 'fork',
    });
    expect(diff.find((d) => d.only === 'b')).toMatchObject({ name: 'Only here', org: 'a' });
    expect(compareRuns(s, S2S.fromScenario(s.scenario()))).toEqual([]);
  });
});
