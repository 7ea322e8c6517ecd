import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { S2S } from '../../../src/engine/api.ts';
import { decodeScenario, encodeScenario } from '../../../src/persistence/shareLink.ts';
import { connectedWorld, outcome } from './world.ts';

describe('share links', () => {
  it('round-trips a scenario through the URL hash and rebuilds the same sandbox', () => {
    const s = S2S.create({ seed: 13 });
    connectedWorld(s, 3);
    const sc = s.scenario();
    const payload = encodeScenario(sc);
    expect(payload).toMatch(/^[A-Za-z0-9+\-$_]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(sc).length * 0.7);
    for (const hash of [payload, `#${payload}`, `#s=${payload}`]) {
      const r = decodeScenario(hash);
      if (!r.ok) throw new Error(r.error);
      expect(r.scenario).toEqual(sc);
    }
    const r = decodeScenario(`#s=${payload}`);
    const rebuilt = S2S.fromScenario(r.ok ? r.scenario : sc);
    expect(outcome(rebuilt)).toEqual(outcome(s));
    expect(rebuilt.now).toBe(s.now);
  });

  it('explains a damaged or hostile link', () => {
    const payload = encodeScenario(S2S.create({ seed: 1 }).scenario());
    const bad = (hash: string) => {
      const r = decodeScenario(hash);
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad('#s=')).toMatch(/no scenario/);
    expect(bad(`#s=${payload.slice(0, payload.length / 2)}`)).toMatch(/damaged/);
    expect(bad('#s=%%%not-lz%%%')).toMatch(/damaged/);
    expect(
      bad(
        compressToEncodedURIComponent(
          '{"format":1,"seed":1,"commands":[{"index":0,"at":0,"command":{"type":"evil"}}]}',
        ),
      ),
    ).toMatch(/commands\[0\]\.command\.type: Unknown command type "evil"/);
    expect(bad(compressToEncodedURIComponent('{"format":2,"seed":1,"commands":[]}'))).toMatch(
      /format: Only scenario format 1/,
    );
    expect(
      bad(compressToEncodedURIComponent('{"format":1,"seed":1,"commands":[],"__proto__":{"x":1}}')),
    ).toMatch(/"__proto__" is not allowed/);
    expect(bad('#s=' + 'A'.repeat(600_000))).toMatch(/too long/);
  });
});
