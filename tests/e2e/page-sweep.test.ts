import { beforeAll, describe, expect, test } from 'vitest'
import { fillIn, openForm, Resident, sendSummary } from '#scripts/intake-load/resident'
import { routePaths } from '#tests/support/route-paths'
import { baseUrl, demoUsers, type E2EPage, loginAs, modes, useE2E } from './fixtures'
import { type SweepPage, type SweepRole, sweepRoles } from './page-sweep-plan'
import { type Link, overflowOf, ownLinks, PHONE, routeMatcher } from './page-sweep-support'

/**
 * Issue 16, "done when": every page of every role at 390 px, with JavaScript and without, passes axe (visit()
 * scans it) and is no wider than the phone. Which pages, as whom: page-sweep-plan.ts (held against app/routes by
 * tests/unit/page-sweep-plan.test.ts). A test collects the problems of all its role's pages and fails with all of
 * them: the page, and for an overflow its widest element.
 */
const e2e = useE2E()

let routes: Map<string, string>
let routeOf: (pathname: string) => string | undefined
// The resident's pages: a draft with every step answered, and an intake sent (one, for both modes).
let draft: Resident
let sent: Resident

beforeAll(async () => {
  routes = new Map([...(await routePaths())].map(([file, path]) => [file, `/${path}`]))
  routeOf = routeMatcher([...routes.values()])
  draft = new Resident('198.51.100.161', { base: baseUrl, patience: 0 })
  sent = new Resident('198.51.100.162', { base: baseUrl, patience: 0 })
  // And a mail in the dev outbox, so /dev/outbox links one: a reset link for the coordinator, whom only this file uses.
  const mailer = new Resident('198.51.100.163', { base: baseUrl, patience: 0 })
  const mailed = openForm(mailer, '/wachtwoord-vergeten').then(() => mailer.request('/wachtwoord-vergeten', { email: demoUsers.coordinator.email }))
  const [, , reset] = await Promise.all([fillIn(draft, 'Paginaronde'), fillIn(sent, 'Paginaronde').then((key) => sendSummary(sent, key)), mailed])
  expect(reset.status).toBe(302)
})

/** Gives the browser the resident's session cookies (the draft or the sent intake). */
async function actAs(p: E2EPage, resident: Resident) {
  const context = p.page.context()
  await context.clearCookies()
  await context.addCookies([...resident.cookies].map(([name, value]) => ({ name, value, url: baseUrl })))
}

/**
 * The addresses of a page of the plan: its own; for a route with an id, the link to it (with the plan's link text,
 * if it names one) on the page visited most recently that has one, so a detail page belongs to the list or record
 * just visited.
 */
function addressesOf(page: SweepPage, seen: readonly Link[]): string[] | string {
  if (typeof page !== 'string' && 'paths' in page) return [...page.paths]
  const file = typeof page === 'string' ? page : page.route
  const pattern = routes.get(file)
  if (pattern === undefined) return `${file} is no route file`
  if (!pattern.includes(':')) return [pattern]
  const text = typeof page === 'string' ? undefined : page.link
  const link = seen.findLast((l) => routeOf(new URL(l.address, baseUrl).pathname) === pattern && (text === undefined || l.text === text))
  return link ? [link.address] : `no link${text ? ` "${text}"` : ''} to ${pattern} on the pages visited before it`
}

async function sweep(p: E2EPage, role: SweepRole) {
  const problems: string[] = []
  const seen: Link[] = []
  let visited = 0
  for (const page of role.pages) {
    if (role.name === 'resident' && page === 'routes/aanmelden+/klaar.tsx') await actAs(p, sent)
    const addresses = addressesOf(page, seen)
    if (typeof addresses === 'string') {
      problems.push(addresses)
      continue
    }
    for (const address of addresses) {
      try {
        const response = await p.visit(address)
        visited += 1
        if (response.status() !== 200) problems.push(`${address}: HTTP ${response.status()}`)
        const overflow = await overflowOf(p)
        if (overflow) {
          const { scrollWidth, widest, width, right } = overflow
          problems.push(`${address}: ${scrollWidth} px wide; widest element ${widest}, ${width} px wide, ends at ${right} px`)
        }
        seen.push(...(await ownLinks(p)))
      } catch (error) {
        problems.push(`${address}: ${(error as Error).message}`)
      }
    }
  }
  return { problems, visited }
}

const planned = (role: SweepRole) => role.pages.reduce((sum, page) => sum + (typeof page !== 'string' && 'paths' in page ? page.paths.length : 1), 0)

describe.each(modes)('every page at 390 px, $mode', ({ javaScript }) => {
  test.each(sweepRoles)('as $name: axe finds nothing and no page is wider than the phone', async (role) => {
    const p = await e2e.newPage({ javaScript })
    await p.page.setViewportSize(PHONE)
    if (role.login) await loginAs(p, role.login)
    if (role.name === 'resident') await actAs(p, draft)
    const { problems, visited } = await sweep(p, role)
    expect(problems).toEqual([])
    expect(visited).toBe(planned(role))
  }, 180_000)
})
