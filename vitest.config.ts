import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

// The import aliases (#app/…, #db/…; docs/architecture.md) are declared once, in tsconfig.json.
const tsconfig = JSON.parse(readFileSync(path.resolve(import.meta.dirname, 'tsconfig.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> }
}
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name.replace('/*', ''), path.resolve(import.meta.dirname, target!.replace('/*', ''))]),
)

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Two files at a time whatever the core count (Vitest's default leaves one core free: on a 2-core machine every
    // file ran alone). The e2e files are among them: one e2e server per worker (tests/e2e/global-setup.ts), so a
    // browser test can run beside any other file, including another browser test on the other server.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], setupFiles: ['tests/support/no-console-error.ts'] } },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          setupFiles: ['tests/support/no-console-error.ts', 'tests/support/database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/support/no-console-error.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
