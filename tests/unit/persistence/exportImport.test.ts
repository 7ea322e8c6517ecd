import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import type { DexieStore } from '../../../src/persistence/dexieStore.ts';
import {
  validateCommand,
  COMMAND_TYPES,
  type UnlistedCommand,
} from '../../../src/persistence/validation.ts';
import { connectedWorld, freshStore, outcome } from './world.ts';

async function exported(store = freshStore()) {
  const s = S2S.create({ seed: 8 });
  connectedWorld(s, 3);
  s.sandbox.advance(5000);
  const meta = await store.create('Export me', { scenario: s.scenario() });
  const file = await store.exportFile(meta.id);
  return { store, file, s };
}

async function rowCounts(store: DexieStore) {
  const { sandboxes, journal, checkpoints, kv } = store.db;
  return Promise.all([sandboxes.count(), journal.count(), checkpoints.count(), kv.count()]);
}

describe('export and import', () => {
  it('round-trips a sandbox through a JSON file', async () => {
    const { store, file, s } = await exported();
    expect(file).toMatchObject({ app: 's2s-sandbox', format: 1, meta: { name: 'Export me' } });
    const text = JSON.stringify(file);
    const other = freshStore();
    const r = await other.importFile(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.meta.name).toBe('Export me');
    const { s2s } = await other.open(r.meta.id);
    expect(s2s.now).toBe(s.now);
    expect(s2s.inFlight()).toEqual(s.inFlight());
    expect(s2s.snapshot()).toEqual(file.state);
    s2s.runUntilIdle();
    s.runUntilIdle();
    expect(outcome(s2s)).toEqual(outcome(s));
    store.close();
  });

  const corrupt: [string, (f: Record<string, unknown>) => string, RegExp][] = [
    [
      'truncated JSON',
      (f) => JSON.stringify(f).slice(0, 500),
      /^This file is not an S2S Sandbox export: it is not JSON text \(it may be truncated/,
    ],
    [
      'not an object',
      () => '42',
      /^This file is not an S2S Sandbox export: it is JSON, but it lacks the "app": "s2s-sandbox" mark.*Invalid file: \(the file\)/,
    ],
    [
      'another app',
      (f) => JSON.stringify({ ...f, app: 'other' }),
      /^This file is not an S2S Sandbox export.*app: This is not an S2S/,
    ],
    [
      'wrong format version',
      (f) => JSON.stringify({ ...f, format: 2 }),
      /^This S2S Sandbox export has format 2; this version of the app reads format 1/,
    ],
    [
      'wrong types',
      (f) => {
        const sc = f.scenario as { seed: unknown };
        sc.seed = 'eight';
        return JSON.stringify(f);
      },
      /scenario\.seed: .*number/,
    ],
    [
      'a __proto__ key',
      (f) =>
        JSON.stringify(f).replace(
          '"values":{"Name"',
          '"values":{"__proto__":{"polluted":true},"Name"',
        ),
      /scenario\.commands\[\d+\]\.command\.values\.__proto__: the key "__proto__" is not allowed/,
    ],
    [
      'a constructor key',
      (f) => JSON.stringify(f).replace('"values":{"Name"', '"values":{"constructor":1,"Name"'),
      /"constructor" is not allowed/,
    ],
    [
      'a 1 MB string',
      (f) => {
        (f.meta as { name: string }).name = 'x'.repeat(1_000_000);
        return JSON.stringify(f);
      },
      /meta\.name: a text of 1000000 characters is longer than the 131072 allowed/,
    ],
    [
      'an unknown command type',
      (f) => JSON.stringify(f).replace('"type":"s2s.enable"', '"type":"s2s.nuke"'),
      /command\.type: Unknown command type "s2s\.nuke"/,
    ],
    [
      'a missing scenario',
      (f) => JSON.stringify({ ...f, scenario: undefined }),
      /^This S2S Sandbox export is damaged: a part of it is missing or malformed, so nothing was imported\. Invalid file: scenario: is missing\./,
    ],
  ];

  it.each(corrupt)(
    'refuses %s with a clear message and changes nothing',
    async (_, spoil, message) => {
      const { store, file } = await exported();
      const before = await rowCounts(store);
      const r = await store.importFile(
        spoil(structuredClone(file) as unknown as Record<string, unknown>),
      );
      expect(r.ok).toBe(false);
      // The sentence for anyone, then the validator's detail.
      expect(r.ok ? '' : `${r.error} ${r.detail ?? ''}`).toMatch(message);
      expect(await rowCounts(store)).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});

describe('command validation', () => {
  it('knows every command type the engine has', () => {
    // Fails to compile (svelte-check) when an engine command is missing from the schema.
    const everyCommandListed: [UnlistedCommand] extends [never] ? true : false = true;
    expect(everyCommandListed).toBe(true);
    expect(COMMAND_TYPES).toContain('queue.create');
    expect(COMMAND_TYPES).toContain('assignmentRule.set');
    expect(COMMAND_TYPES).toContain('record.forward');
    expect(COMMAND_TYPES.length).toBeGreaterThanOrEqual(40);
  });

  it('checks shapes, numbers and lengths', () => {
    expect(validateCommand({ type: 'clock.advance', ms: 5 }).ok).toBe(true);
    expect(validateCommand({ type: 'clock.advance', ms: -1 })).toMatchObject({ ok: false });
    expect(validateCommand({ type: 'org.create', org: 'a'.repeat(300), name: 'A' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid command: org: /),
    });
    expect(validateCommand({ org: 'a' })).toMatchObject({
      error: expect.stringMatching(/^Invalid command: type: is missing\.$/),
    });
  });
});
