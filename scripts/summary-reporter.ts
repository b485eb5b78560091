import type { Reporter, TestModule } from "vitest/node";

/**
 * Ends a run with one plain line, `tests: N passed, N failed, N skipped`, that CI and people can read
 * without parsing Vitest's coloured summary. Skipped tests are counted apart: they never count as passed.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll/afterAll hook) counts as one failure.
      const testFailed = [...module.children.allTests()].some((t) => t.result().state === "failed");
      if (module.state() === "failed" && !testFailed) counts.failed++;
    }
    process.stdout.write(
      `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
    );
  }
}
