// Writes "N passed, N failed" to $WORKORDERS_RESULTS_FILE (the ../test.sh contract) at the end of `vitest run`.
import { appendFileSync } from 'node:fs'
import type { Reporter, TestModule } from 'vitest/node'

export default class ResultsFileReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    for (const module of testModules) {
      let failedInModule = 0
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedInModule++
      }
      // A file that fails to load has no failed test of its own: count it once.
      if (failedInModule === 0 && module.state() === 'failed') failedInModule = 1
      failed += failedInModule
    }
    failed += unhandledErrors.length
    const file = process.env.WORKORDERS_RESULTS_FILE
    if (file) appendFileSync(file, `${passed} passed, ${failed} failed\n`)
  }
}
