import { describe, expect, it } from 'vitest'
import { notSwept, sweepRoles } from '#tests/e2e/page-sweep-plan'
import { routePaths } from '#tests/support/route-paths'

/** Issue 16: the page sweep (tests/e2e/page-sweep.test.ts) cannot forget a route file, nor name one that is gone. */
describe('the page sweep’s plan', () => {
  const swept = sweepRoles.flatMap((role) => role.pages.map((page) => (typeof page === 'string' ? page : page.route)))

  it('visits every route file or says why not, and names no file that does not exist', async () => {
    const files = [...(await routePaths()).keys()].sort()
    expect(files.length).toBeGreaterThan(100)
    const planned = [...new Set([...swept, ...Object.keys(notSwept)])].sort()
    expect(planned).toEqual(files)
  })

  it('never both visits a route file and says why it does not', () => {
    expect(swept.filter((file) => file in notSwept)).toEqual([])
  })

  it('visits a page at most once per role, and every signed-in role’s own account page', () => {
    for (const role of sweepRoles) {
      const files = role.pages.map((page) => (typeof page === 'string' ? page : page.route))
      expect(new Set(files).size, role.name).toBe(files.length)
    }
    expect(sweepRoles.filter((role) => role.login && !role.pages.includes('routes/account.tsx'))).toEqual([])
  })
})
