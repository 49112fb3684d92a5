import type { Reporter, TestModule } from 'vitest/node'

declare module 'vitest' {
  interface TaskMeta {
    /** Set by the e2e fixtures: how many CSP violations the browser reported during the test. */
    cspViolations?: number
  }
}

/** Ends the run with the plain line CI reads: "N passed, N failed" (and skipped, which should stay 0). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 }
    for (const module of testModules) {
      for (const test of module.children.allTests()) counts[test.result().state] += 1
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`)
    // The browser tests count Content-Security-Policy violations per test (tests/e2e/fixtures.ts).
    const checked = testModules.flatMap((module) => [...module.children.allTests()]).filter((test) => test.meta().cspViolations !== undefined)
    if (checked.length > 0) {
      const violations = checked.reduce((sum, test) => sum + (test.meta().cspViolations ?? 0), 0)
      process.stdout.write(`${violations} Content-Security-Policy violations in the browser over ${checked.length} tests\n`)
    }
  }
}
