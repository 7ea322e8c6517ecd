import type { Reporter, TestModule } from 'vitest/node';

type Counts = { passed: number; failed: number; skipped: number };

// CI reads a plain "N passed, N failed" line; Vitest's own summary is not in that form.
// One line per project comes first so CI can also tell that the end-to-end suite really ran.
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const total: Counts = { passed: 0, failed: 0, skipped: 0 };
    const perProject = new Map<string, Counts>();
    for (const m of testModules) {
      const name = m.project.name || 'default';
      const c = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      perProject.set(name, c);
      const tests = [...m.children.allTests()];
      // A file that fails to import has no tests but must still count as a failure.
      if (m.state() === 'failed' && tests.length === 0) c.failed++;
      for (const t of tests) {
        const s = t.result().state;
        if (s === 'passed') c.passed++;
        else if (s === 'failed') c.failed++;
        else c.skipped++;
      }
    }
    let out = '\n';
    for (const [name, c] of perProject) {
      out += `suite ${name}: ${c.passed} tests passed, ${c.failed} tests failed, ${c.skipped} skipped\n`;
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    out += `vitest: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`;
    process.stdout.write(out);
  }
}
