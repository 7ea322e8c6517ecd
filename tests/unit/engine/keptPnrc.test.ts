import { describe, expect, it } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';
import { ACCOUNT_FIELDS } from '../../../src/engine/presets/connectedOrgs.ts';
import type { SandboxState } from '../../../src/engine/state/sandboxState.ts';
import { sharedAccount } from './sharedAccount.ts';

/** The field order of every PNRC the sandbox's orgs keep. */
function orders(state: SandboxState): string[] {
  const out = new Set<string>();
  for (const org of Object.values(state.orgs))
    for (const p of Object.values(org.recordConnections)) out.add(Object.keys(p).join(','));
  return [...out];
}

// The sync path reads PNRCs in a dozen places, so an org keeps every PNRC as one literal's
// copy (one hidden class in V8). Rules already agree on the field order; saved data may not.
describe('the PNRCs an org keeps', () => {
  it('REC-1: a restored sandbox keeps its PNRCs in the same order as a live one', () => {
    const { s } = sharedAccount(4, ACCOUNT_FIELDS);
    const saved = JSON.parse(JSON.stringify(s.sandbox.snapshot())) as SandboxState;
    for (const org of Object.values(saved.orgs))
      for (const [id, p] of Object.entries(org.recordConnections))
        // Reversed, as a store or an older version might hand them back.
        org.recordConnections[id] = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    const restored = S2S.restore(saved);
    expect(orders(s.sandbox.state)).toHaveLength(1);
    expect(orders(restored.sandbox.state)).toEqual(orders(s.sandbox.state));
  });
});
