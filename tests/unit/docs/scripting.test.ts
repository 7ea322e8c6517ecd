import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { S2S } from '../../../src/engine/api.ts';

/** The example between the markers in docs/scripting.md, without its import line. */
function example(): string {
  const doc = readFileSync('docs/scripting.md', 'utf8');
  const block = /<!-- example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- example:end -->/.exec(doc);
  if (!block) throw new Error('docs/scripting.md lost its example markers');
  return block[1]!.replace(/^import .*$/m, '');
}

describe('the scripting guide', () => {
  it('runs its whole example: enable, invite, accept, publish, subscribe, forward, edit, pause, resume, stop, deactivate', () => {
    const lines: unknown[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...args) => void lines.push(args));
    let s: S2S;
    try {
      // The example is plain JavaScript apart from its import, so it runs as a function body.
      s = new Function('S2S', `${example()}\nreturn s;`)(S2S) as S2S;
    } finally {
      log.mockRestore();
    }
    expect(lines[0]).toEqual([{ whilePaused: '555-0199', afterResume: '555-0123', findings: 0 }]);
    const copy = s
      .records('globex', { object: 'Account' })
      .find((r) => r.fields.Name === 'Initech Global');
    expect(copy?.fields.Phone).toBe('555-0123');
    expect(copy?.fields.Industry ?? null).toBeNull(); // mapped to --None--
    expect(s.records('globex', { object: 'Contact' }).map((r) => r.fields.LastName)).toContain(
      'Bolton',
    );
    expect(s.connections('acme')[0]!.ConnectionStatus).toBe('Inactive');
    expect(s.connections('globex')[0]!.ConnectionStatus).toBe('Inactive');
    expect(
      s.recordConnections('globex').find((p) => p.LocalRecordId === copy?.Id)?.StatusLabel,
    ).toBe('Inactive');
  });
});
