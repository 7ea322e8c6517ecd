import { describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import PlainSummaryReporter from '../plainSummaryReporter.ts';

function fakeModule(project: string, states: string[], moduleState = 'passed') {
  return {
    project: { name: project },
    state: () => moduleState,
    children: { allTests: () => states.map((s) => ({ result: () => ({ state: s }) })) },
  } as unknown as TestModule;
}

function run(modules: TestModule[]): string {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    new PlainSummaryReporter().onTestRunEnd(modules);
    return String(write.mock.calls[0]?.[0]);
  } finally {
    write.mockRestore();
  }
}

describe('the plain summary reporter CI reads', () => {
  it('closes with "N passed, N failed" over every project', () => {
    const out = run([
      fakeModule('unit', ['passed', 'passed', 'failed']),
      fakeModule('e2e', ['passed', 'skipped']),
    ]);
    expect(out.trim().split('\n').at(-1)).toBe('vitest: 3 passed, 1 failed, 1 skipped');
    expect(out).toContain('suite e2e: 1 tests passed, 0 tests failed, 1 skipped');
  });

  it('counts a file that failed to import as a failure', () => {
    const out = run([fakeModule('unit', [], 'failed')]);
    expect(out).toContain('vitest: 0 passed, 1 failed');
  });
});
