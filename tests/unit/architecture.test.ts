import { createRequire } from 'node:module'
import path from 'node:path'
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser'
import { describe, expect, it } from 'vitest'

/**
 * `npm test` runs `npm run lint:deps` (dependency-cruiser with .dependency-cruiser.cjs) on the real tree, where it
 * must find nothing. This test shows that each rule can fail: a small tree (tests/fixtures/layers) breaks every
 * rule once, and a few files in it import the way docs/architecture.md allows and must not be reported.
 */
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration
const fixture = path.resolve(import.meta.dirname, '../fixtures/layers')
const rules = config.forbidden ?? []

async function violationsOfFixture(): Promise<IViolation[]> {
  const result = await cruise(['app', 'core', 'domain', 'db', 'search', 'emails', 'server'], {
    baseDir: fixture,
    validate: true,
    ruleSet: { forbidden: rules },
    tsPreCompilationDeps: true,
  })
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text instead of a result')
  return result.output.summary.violations
}

describe('the dependency rules (docs/architecture.md)', () => {
  it('each have a name and a sentence that says what to do instead', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10)
    for (const rule of rules) {
      expect(rule.name, JSON.stringify(rule)).toMatch(/^[a-z-]+$/)
      expect(rule.severity, rule.name).toBe('error')
      expect(rule.comment?.length ?? 0, rule.name).toBeGreaterThan(40)
    }
  })

  it('each catch the wrong arrow they were written for', async () => {
    const found = (await violationsOfFixture()).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
    expect(found).toEqual(
      expect.arrayContaining([
        'core-imports-nothing-of-ours: core/env.ts → db/queries.ts',
        'domain-is-pure: domain/rule.ts → core/env.ts',
        'db-imports-only-domain-and-core: db/queries.ts → emails/send.server.ts',
        'adapters-import-db-domain-core: search/engine.ts → app/features/demo/use-case.server.ts',
        'adapters-import-db-domain-core: emails/send.server.ts → server/jobs.ts',
        'processes-are-not-imported: emails/send.server.ts → server/jobs.ts',
        'shared-web-knows-no-feature: app/utils/helper.server.ts → app/features/demo/use-case.server.ts',
        'components-do-not-query: app/components/list.tsx → db/queries.ts',
        'no-server-module-in-client-code: app/components/list.tsx → db/queries.ts',
        'no-server-module-in-client-code: app/features/demo/form.ts → app/features/demo/use-case.server.ts',
        'features-below-routes: app/features/demo/use-case.server.ts → app/routes/page.tsx',
        'no-route-imported-by-a-non-route: app/features/demo/use-case.server.ts → app/routes/page.tsx',
        'no-circular: app/features/demo/first.ts → app/features/demo/second.ts',
      ]),
    )
    // Every rule of the configuration is shown to fire at least once.
    expect(new Set(found.map((line) => line.split(':')[0]))).toEqual(new Set(rules.map((rule) => rule.name)))
  })

  it('leave alone what the layers allow: db on domain, a type from db in a component, a route on a feature', async () => {
    const allowed = ['db/allowed.ts', 'app/components/typed.tsx', 'app/routes/page.tsx', 'app/features/demo/view.tsx']
    const reported = (await violationsOfFixture()).filter((v) => allowed.includes(v.from))
    expect(reported).toEqual([])
  })
})
