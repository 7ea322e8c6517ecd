import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src/ui/shell/shortcuts.ts';
import { DockState, NO_FILTERS } from '../../../src/ui/dock/dockState.svelte.ts';
import { faultsAt, FilteredLog, matches } from '../../../src/ui/timeline/timelineRows.ts';
import { copyRows } from '../../../src/ui/consistency/copyRows.ts';
import { alignLag } from '../../../src/ui/lag/lagData.ts';
import type { LogEntry } from '../../../src/engine/sim/log.ts';
import type { FaultPeriod } from '../../../src/engine/queries/faultPeriods.ts';
import type { ShareReport } from '../../../src/engine/checker/findings.ts';

/** A key press on an element that matches the given selectors (closest() stands in for the DOM). */
function press(key: string, on: string[] = [], mods: Partial<KeyboardEvent> = {}) {
  const target = {
    closest: (sel: string) => (sel.split(', ').some((s) => on.includes(s)) ? {} : null),
  };
  return {
    key,
    target,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  } as unknown as KeyboardEvent;
}

describe('keyboard shortcuts', () => {
  it('Space plays or pauses, the arrows step, ? asks for help', () => {
    expect(shortcutFor(press(' '))).toBe('toggle');
    expect(shortcutFor(press('ArrowRight'))).toBe('step');
    expect(shortcutFor(press('ArrowLeft'))).toBe('back');
    expect(shortcutFor(press('?'))).toBe('help');
    expect(shortcutFor(press('x'))).toBeNull();
  });

  it('never fire while typing in a field or a dialog is open', () => {
    for (const on of [
      'input',
      'textarea',
      'select',
      '[contenteditable]',
      '.cm-editor',
      '[role=dialog]',
    ])
      for (const key of [' ', 'ArrowLeft', '?']) expect(shortcutFor(press(key, [on]))).toBeNull();
  });

  it('leave Space and the arrows to a focused button, tab or slider', () => {
    for (const on of ['button', '[role=tab]', '[role=slider]'])
      for (const key of [' ', 'ArrowRight', 'ArrowLeft'])
        expect(shortcutFor(press(key, [on]))).toBeNull();
    expect(shortcutFor(press('?', ['button']))).toBe('help');
  });

  it('ignore key presses with Ctrl, Alt or Meta', () => {
    expect(shortcutFor(press(' ', [], { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowLeft', [], { altKey: true }))).toBeNull();
  });
});

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('dock state', () => {
  it('remembers the open tab and the filters across a reload', () => {
    const storage = memory();
    const a = new DockState(storage);
    a.open('consistency');
    a.setFilter('org', 'globex');
    a.setFilter('kind', 'deliver');
    const b = new DockState(storage);
    expect(b.tab).toBe('consistency');
    expect(b.filters).toEqual({ ...NO_FILTERS, org: 'globex', kind: 'deliver' });
  });

  it('starts on the Timeline when what was saved is damaged or unknown', () => {
    expect(new DockState(memory({ 's2s-dock': '{not json' })).tab).toBe('timeline');
    const odd = new DockState(memory({ 's2s-dock': '{"tab":"nope","filters":{"org":3}}' }));
    expect(odd.tab).toBe('timeline');
    expect(odd.filters).toEqual(NO_FILTERS);
  });

  it('following a link to an event opens the Timeline with its filters cleared', () => {
    const d = new DockState(memory());
    d.open('consistency');
    d.setFilter('kind', 'send');
    d.showEvent(42);
    expect(d.tab).toBe('timeline');
    expect(d.filters).toEqual(NO_FILTERS);
    expect(d.focusEvent).toBe(42);
    const count = d.focusCount;
    d.showEvent(42);
    expect(d.focusCount).toBe(count + 1);
  });
});

const entry = (i: number, e: Partial<LogEntry>): LogEntry => ({ i, t: i * 10, kind: 'info', ...e });

describe('timeline list', () => {
  const log: LogEntry[] = [
    entry(0, { kind: 'command', org: 'acme' }),
    entry(1, { kind: 'send', org: 'acme', wire: 'w1', share: 'S-1', data: { to: 'globex' } }),
    entry(2, { kind: 'deliver', org: 'globex', wire: 'w1', share: 'S-1' }),
    entry(3, { kind: 'apply', org: 'globex', wire: 'w1', record: '001B1', share: 'S-1' }),
    entry(4, { kind: 'send', org: 'globex', wire: 'w2', share: 'S-2' }),
  ];

  it('filters by org (as sender or receiver), connection, kind and record or share', () => {
    const rows = (f: Partial<typeof NO_FILTERS>) =>
      log.filter((e) => matches(e, { ...NO_FILTERS, ...f })).map((e) => e.i);
    expect(rows({ org: 'globex' })).toEqual([1, 2, 3, 4]);
    expect(rows({ wire: 'w1' })).toEqual([1, 2, 3]);
    expect(rows({ kind: 'send' })).toEqual([1, 4]);
    expect(rows({ record: '001B1' })).toEqual([3]);
    expect(rows({ record: 'S-1', kind: 'deliver' })).toEqual([2]);
  });

  it('adds only the new events as the log grows, and starts again when it is rewound', () => {
    const f = new FilteredLog();
    const live = log.slice(0, 3);
    const filters = { ...NO_FILTERS, kind: 'send' };
    expect(f.update(live, filters)).toEqual([1]);
    live.push(log[3]!, log[4]!);
    expect(f.update(live, filters)).toEqual([1, 4]);
    // A rewound sandbox has a shorter log: filtered from the start again.
    const rewound = log.slice(0, 1);
    expect(f.update(rewound, filters)).toEqual([]);
    expect(f.update(rewound, NO_FILTERS)).toEqual([0]);
  });

  it('shades events from the command that began a fault until it ended', () => {
    const periods: FaultPeriod[] = [
      { kind: 'paused', start: 10, end: 30, from: 'acme', to: 'globex', startEvent: 1 },
      { kind: 'offline', start: 40, end: null, org: 'globex', startEvent: 4 },
    ];
    // Event 0 happened at the same time as nothing; event 1 is the pausing command itself.
    expect(faultsAt(periods, 0, 10)).toEqual([]);
    expect(faultsAt(periods, 1, 10).map((p) => p.kind)).toEqual(['paused']);
    expect(faultsAt(periods, 3, 30)).toEqual([]);
    expect(faultsAt(periods, 9, 900).map((p) => p.kind)).toEqual(['offline']);
  });
});

describe('copies side by side', () => {
  const share: ShareReport = {
    share: 'S-1',
    object: 'Account',
    sender: { org: 'acme', record: '001A1', state: 'Active' },
    receiver: { org: 'globex', record: '001B1', state: 'Active' },
    agree: false,
    inFlight: 0,
    differences: [
      {
        from: { org: 'globex', record: '001B1', field: 'Tel__c', value: '2' },
        to: { org: 'acme', record: '001A1', field: 'Phone', value: '1' },
      },
    ],
  };

  it('pairs a differing field through the mapping, whichever way it flows, then the rest by name', () => {
    const rows = copyRows(
      share,
      { Id: '001A1', Name: 'Initech', Phone: '1', OwnerId: '005A' },
      { Id: '001B1', Name: 'Initech', Tel__c: '2', OwnerId: '005B' },
    );
    expect(rows).toEqual([
      {
        senderField: 'Phone',
        receiverField: 'Tel__c',
        senderValue: '1',
        receiverValue: '2',
        differs: true,
      },
      {
        senderField: 'Name',
        receiverField: 'Name',
        senderValue: 'Initech',
        receiverValue: 'Initech',
        differs: false,
      },
    ]);
  });
});

describe('sync lag chart data', () => {
  it('puts every direction on one time axis in seconds, with gaps where a direction has no point', () => {
    const data = alignLag([
      {
        from: 'acme',
        to: 'globex',
        points: [
          [1000, 300],
          [3000, 500],
        ],
      },
      { from: 'globex', to: 'acme', points: [[2000, 700]] },
    ]);
    expect(data).toEqual([
      [1, 2, 3],
      [300, null, 500],
      [null, 700, null],
    ]);
  });
});
