import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import AxeBuilder from '@axe-core/playwright'
import { type BrowserContext, chromium, type Locator, type Page, type Response } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { homeByRole, type Role } from '#domain/permissions'
import { DEMO_PASSWORD } from '#db/seed/demo'
import { ScanCache } from './scan-cache'

/**
 * Shared helpers for the end-to-end tests: a real Chromium against the real server (global-setup.ts).
 *
 * Every page a test sees is checked with axe (WCAG 2.0/2.1 A and AA, and 2.2 AA). The E2EPage helpers
 * visit(), submit() and follow() wait for the page to settle and scan it; an E2EPage also records every
 * navigation and form submission the browser makes, so a navigation that was not followed by a scan fails the
 * next helper call and, at the latest, the test itself (useE2E's afterEach). Forgetting a scan is impossible.
 */

// The server of this file's worker (global-setup.ts): files that run at the same time never share a demo.
const baseUrls = inject('baseUrls')
const workerServer = baseUrls[Number(process.env.VITEST_POOL_ID) - 1]
if (workerServer === undefined) throw new Error(`No e2e server for Vitest worker ${process.env.VITEST_POOL_ID} (${baseUrls.length} started).`)
export const baseUrl = workerServer
// The page states already scanned in this run (scan-cache.ts).
const scanned = new ScanCache(inject('scanCacheDir'))

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Both ways a visitor may use the portal: every page must also work without JavaScript. */
export const modes = [
  { mode: 'with JavaScript', javaScript: true },
  { mode: 'without JavaScript', javaScript: false },
] as const

// ---------------------------------------------------------------------------------------------- demo users

export type DemoUser = { email: string; name: string; organisation: string; role: Role }

// The VDAB team's triage worker, under two keys: triage.test.ts logs in as `triageWorkerVdab`; auth.test.ts tries
// wrong passwords as `wrongPasswordTarget`, on this account only, one per mode: below the failures the login
// throttle lets through without a wait (ACCOUNT_THROTTLE.free), so the triage test's logins still succeed.
const triageVdab = {
  email: 'triage.vdab@demo.stapsteen.be',
  name: 'Pieter Wouters',
  organisation: 'VDAB-team Regio Gent',
  role: 'triage_worker',
} as const satisfies DemoUser

/**
 * The demo logins of db/seed/demo.ts, by the role the tests log in as. The tests share one server and one
 * database, so who may change what is fixed here: password-reset.test.ts changes the passwords of
 * `resetWithJavaScript` and `resetWithoutJavaScript`; every other test only logs in, with the others.
 */
export const demoUsers = {
  employer: {
    email: 'werkgever@demo.stapsteen.be',
    name: 'Els Van Damme',
    organisation: 'Bakkerij Van Damme bv',
    role: 'employer',
  },
  caseworkerOcmw: {
    email: 'begeleider.ocmw@demo.stapsteen.be',
    name: 'Sara Peeters',
    organisation: 'OCMW Gent',
    role: 'caseworker',
  },
  caseworkerVdab: {
    email: 'bemiddelaar.vdab@demo.stapsteen.be',
    name: 'Nadia El Amrani',
    organisation: 'VDAB-team Regio Gent',
    role: 'caseworker',
  },
  triageWorker: { email: 'triage.ocmw@demo.stapsteen.be', name: 'Lotte Maes', organisation: 'OCMW Gent', role: 'triage_worker' },
  // The OCMW cluster's coordinator (manages its staff): only page-sweep.test.ts logs in with it.
  coordinator: {
    email: 'coordinator.cluster@demo.stapsteen.be',
    name: 'Hilde Claeys',
    organisation: 'OCMW-cluster Kanaalzone (Zelzate, Lochristi, Destelbergen)',
    role: 'caseworker',
  },
  triageWorkerVdab: triageVdab,
  wrongPasswordTarget: triageVdab,
  outreachWorker: {
    email: 'outreach@demo.stapsteen.be',
    name: 'Yusuf Kaya',
    organisation: 'Buurtcentrum De Brug vzw',
    role: 'outreach_worker',
  },
  regionalAdmin: {
    email: 'regio.gent@demo.stapsteen.be',
    name: 'An Verhoeven',
    organisation: 'Stapsteen demoteam',
    role: 'regional_admin',
  },
  platformAdmin: {
    email: 'beheer@demo.stapsteen.be',
    name: 'Bart Jacobs',
    organisation: 'Stapsteen demoteam',
    role: 'platform_admin',
  },
  // Only password-reset.test.ts logs in with these two: it changes their passwords.
  resetWithJavaScript: {
    email: 'begeleider.cluster@demo.stapsteen.be',
    name: 'Jonas Claes',
    organisation: 'OCMW-cluster Kanaalzone (Zelzate, Lochristi, Destelbergen)',
    role: 'caseworker',
  },
  resetWithoutJavaScript: {
    email: 'werkgever.publiek@demo.stapsteen.be',
    name: 'Tom De Smet',
    organisation: 'Stad Gent – Groendienst',
    role: 'employer',
  },
} as const satisfies Record<string, DemoUser>

export type DemoUserKey = keyof typeof demoUsers

export { DEMO_PASSWORD }

// ------------------------------------------------------------------------------------------------- browser

export type E2EBrowser = { context: BrowserContext; javaScript: boolean; close: () => Promise<void> }

/**
 * With JavaScript, Remix renders the result of a navigation in a React transition, which may commit well after
 * the router is idle (seconds on a busy machine, e.g. while axe scans the page). This minimal React DevTools
 * hook, installed before the page's scripts run, is how React hands out its roots, so that settle() can also
 * wait until React has no update left to render.
 */
function trackReactRoots() {
  const roots = new Set<unknown>()
  Object.assign(window, {
    __e2eReactRoots: roots,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => 1,
      checkDCE: () => {},
      onCommitFiberRoot: (_renderer: number, root: unknown) => roots.add(root),
      onCommitFiberUnmount: () => {},
      onPostCommitFiberRoot: () => {},
    },
  })
}

/**
 * Issue 11, finding 9: every Content-Security-Policy violation on any page fails the test that caused it. With
 * JavaScript, this listener runs in every document and frame before the page's own scripts (Chromium's "evaluate
 * on new document") and hands each `securitypolicyviolation` event to the test through a binding. Without
 * JavaScript no listener can run: Chromium's console message about the refusal counts instead (E2EPage).
 */
function reportCspViolations() {
  addEventListener(
    'securitypolicyviolation',
    (event) => {
      const report = (window as { __e2eCspViolation?: (text: string) => void }).__e2eCspViolation
      const where = `${event.sourceFile || event.documentURI}:${event.lineNumber}`
      report?.(`${event.effectiveDirective} refused ${event.blockedURI || 'an inline resource'} at ${where}${event.sample ? ` ("${event.sample}")` : ''}`)
    },
    true,
  )
}

/** Where a page's CSP violations go: its E2EPage, registered when the E2EPage is made. */
const cspViolationSinks = new WeakMap<Page, (violation: string) => void>()

/** A headless Debian Chromium with a fresh profile, which closing removes. */
export async function launchBrowser({ javaScript }: { javaScript: boolean }): Promise<E2EBrowser> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-e2e-chromium-'))
  try {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      javaScriptEnabled: javaScript,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    if (javaScript) {
      await context.addInitScript(trackReactRoots)
      await context.exposeBinding('__e2eCspViolation', ({ page }, violation: string) => cspViolationSinks.get(page)?.(violation))
      await context.addInitScript(reportCspViolations)
    }
    return {
      context,
      javaScript,
      close: async () => {
        await context.close()
        fs.rmSync(profileDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    fs.rmSync(profileDir, { recursive: true, force: true })
    throw error
  }
}

// ---------------------------------------------------------------------------------------------------- axe

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>

// The axe-core that @axe-core/playwright itself uses (its dependency), so both scan with the same rules.
const axeSource = (
  createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }
).source
type AxeWindow = Window & { axe?: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }

function formatViolations(where: string, violations: AxeResults['violations']) {
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help}`,
    ...v.nodes.map((n) => `    at ${JSON.stringify(n.target)}: ${n.failureSummary?.replace(/\s*\n\s*/g, ' ') ?? ''}`),
  ])
  return `Accessibility violations on ${where}:\n${lines.join('\n')}`
}

/**
 * axe-core (the version @axe-core/playwright brings) run in the page's main frame. Injected once per document,
 * so scanning again after a client-side navigation costs only the run. For pages with iframes, see Scanner.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => typeof (window as AxeWindow).axe?.run === 'function'))) await page.evaluate(axeSource)
  return page.evaluate(
    (tags) =>
      (window as AxeWindow).axe!.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        iframes: false,
      }),
    AXE_TAGS,
  )
}

/**
 * The page as the browser shows it now, without its scripts. A page without JavaScript never changes after it
 * was parsed, so this is exactly what its visitor gets. <noscript> content is unwrapped, so that a browser
 * with scripting renders it as the visitor without scripts sees it; the sandbox of iframes is lifted, so that
 * axe can run inside them (they hold our own e-mails, without scripts), and each frame's document, fetched with
 * the page's cookies (`frameDocuments`), comes inline: the scanner's browser may not be signed in, and the
 * mail's own response is sandboxed by its Content-Security-Policy.
 */
const snapshotDocument = (page: Page, frameDocuments: Record<string, string>) =>
  page.evaluate((documents) => {
    const root = document.documentElement.cloneNode(true) as HTMLElement
    for (const script of root.querySelectorAll('script')) script.remove()
    for (const noscript of root.querySelectorAll('noscript')) noscript.replaceWith(...noscript.childNodes)
    for (const frame of root.querySelectorAll('iframe')) {
      frame.removeAttribute('sandbox')
      const src = frame.getAttribute('src')
      if (src !== null && src in documents) {
        frame.removeAttribute('src')
        frame.setAttribute('srcdoc', documents[src]!)
      }
    }
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : ''
    return { html: doctype + root.outerHTML, frames: root.querySelectorAll('iframe').length }
  }, frameDocuments)

/** The documents of the page's iframes by their src, as the page's browser (its cookies) gets them. */
async function frameDocuments(page: Page): Promise<Record<string, string>> {
  const sources = await page.locator('iframe[src]').evaluateAll((frames) => frames.map((frame) => frame.getAttribute('src') ?? ''))
  const documents = await Promise.all(sources.map(async (src) => (await page.request.get(new URL(src, page.url()).href)).text()))
  return Object.fromEntries(sources.map((src, index) => [src, documents[index]!]))
}

/**
 * Scans snapshots of pages in a page of the JavaScript-enabled browser:
 * - pages visited without JavaScript, because axe needs script timers, which such a context does not run;
 * - pages with iframes: the portal sandboxes its iframes (the e-mail previews) without scripts, so axe cannot
 *   run inside them where they are. In the snapshot they are scanned with @axe-core/playwright, which runs axe
 *   in every frame and judges the frames as parts of their page.
 * The scanner page lives at an address of the portal that the browser never asks the server for, so the
 * snapshot's stylesheets and links resolve as on the real page.
 */
type Snapshot = Awaited<ReturnType<typeof snapshotDocument>>

class Scanner {
  private page: Page | undefined
  constructor(private readonly context: () => BrowserContext) {}

  /** The page as its visitor gets it without scripts, with its frames inline. */
  async snapshot(source: Page) {
    return snapshotDocument(source, await frameDocuments(source))
  }

  async analyze(source: Page, { html, frames }: Snapshot): Promise<AxeResults> {
    const page = await this.scannerPage()
    const viewport = source.viewportSize()
    if (viewport) await page.setViewportSize(viewport)
    await page.setContent(html, { waitUntil: 'load' })
    return frames > 0 ? new AxeBuilder({ page }).withTags(AXE_TAGS).analyze() : runAxe(page)
  }

  private async scannerPage() {
    if (this.page && !this.page.isClosed()) return this.page
    const page = await this.context().newPage()
    const address = new URL('/__e2e-axe-scanner__', baseUrl).href
    await page.route(address, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!DOCTYPE html><title>axe</title>' }),
    )
    await page.goto(address)
    this.page = page
    return page
  }

  async close() {
    await this.page?.close()
    this.page = undefined
  }
}

// ------------------------------------------------------------------------------------------------ E2EPage

type Entry = { what: string; scanned: boolean }

/**
 * A browser tab for one test. Use visit() / submit() / follow() for anything that loads a page or submits a
 * form; they return once the page has settled (and, with JavaScript, React has hydrated and Remix is idle)
 * and has passed axe. Use `.page` for locators and assertions.
 */
export class E2EPage {
  private readonly entries: Entry[] = []
  private readonly problems: string[] = []
  // A violation is reported twice with JavaScript: the event (reportCspViolations) and Chromium's console message.
  // Without JavaScript, and in frames where no script runs (the sandboxed mail preview), only the console's.
  private readonly cspEvents: string[] = []
  private readonly cspConsoleReports: string[] = []
  private readonly entryWaiters: (() => void)[] = []
  private readonly documentWaiters: (() => void)[] = []

  constructor(
    readonly page: Page,
    readonly javaScript: boolean,
    private readonly scanner: Scanner,
  ) {
    cspViolationSinks.set(page, (violation) => this.cspEvents.push(violation))
    page.setDefaultTimeout(15_000)
    page.setDefaultNavigationTimeout(20_000)
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return
      // History replaceState to the same address (Remix does it while starting) is not a navigation.
      if (this.entries.at(-1)?.what === `page ${frame.url()}`) return
      this.record(`page ${frame.url()}`)
    })
    page.on('domcontentloaded', () => {
      const last = this.entries.at(-1)
      // A new document at the address just recorded by framenavigated is that same navigation.
      if (!(last && !last.scanned && last.what === `page ${page.url()}`)) this.record(`page ${page.url()}`)
      for (const resolve of this.documentWaiters.splice(0)) resolve()
    })
    page.on('request', (request) => {
      if (request.frame() !== page.mainFrame() || request.method() === 'GET' || request.method() === 'HEAD') return
      if (['document', 'fetch', 'xhr'].includes(request.resourceType())) this.record(`${request.method()} ${request.url()}`)
    })
    // Errors in the browser fail the test (reported by useE2E, never through console.error).
    page.on('pageerror', (error) => this.problems.push(`uncaught error in the page: ${error.message}`))
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) {
        this.cspConsoleReports.push(`${message.text()} (${message.location().url})`)
        return
      }
      if (message.type() !== 'error') return
      // Failing responses are judged below, with their resource type and status.
      if (message.text().startsWith('Failed to load resource:')) return
      this.problems.push(`console error in the page: ${message.text()} (${message.location().url})`)
    })
    page.on('response', (response) => {
      const type = response.request().resourceType()
      const status = response.status()
      // 4xx answers to pages and Remix data requests are what some tests ask for; anything else must load.
      if (status >= 500 || (status >= 400 && !['document', 'fetch', 'xhr'].includes(type))) {
        this.problems.push(`HTTP ${status} for ${type} ${response.url()}`)
      }
    })
  }

  private record(what: string) {
    this.entries.push({ what, scanned: false })
    for (const resolve of this.entryWaiters.splice(0)) resolve()
  }

  /** The path and query of the current address, e.g. "/inloggen?redirectTo=%2Fwerkgever". */
  get path() {
    const url = new URL(this.page.url())
    return url.pathname + url.search
  }

  private unscanned() {
    return this.entries.filter((e) => !e.scanned).map((e) => e.what)
  }

  private assertNothingUnscanned() {
    const unscanned = this.unscanned()
    if (unscanned.length > 0) {
      throw new Error(
        `Not scanned for accessibility: ${unscanned.join(', ')}. Load pages and submit forms with visit(), submit() or follow().`,
      )
    }
  }

  /** Problems to report when the test ends: browser errors, CSP violations, navigations that were never scanned. */
  finalProblems(): string[] {
    const unscanned = this.unscanned()
    return [
      ...this.problems,
      ...this.cspViolations().map((violation) => `Content-Security-Policy violation: ${violation}`),
      ...(unscanned.length ? [`not scanned for accessibility: ${unscanned.join(', ')}`] : []),
    ]
  }

  /** The CSP violations so far: the events when they saw every one (they say more), else Chromium's reports. */
  cspViolations(): readonly string[] {
    return this.cspEvents.length >= this.cspConsoleReports.length ? this.cspEvents : this.cspConsoleReports
  }

  /** The CSP violations so far, which then no longer fail the test: for a test that causes one on purpose. */
  takeCspViolations(): string[] {
    const violations = [...this.cspViolations()]
    this.cspEvents.length = 0
    this.cspConsoleReports.length = 0
    return violations
  }

  /** Opens a path of the portal (or a full address) and returns the response of the page. */
  async visit(pathOrUrl: string): Promise<Response> {
    this.assertNothingUnscanned()
    const response = await this.page.goto(new URL(pathOrUrl, baseUrl).href)
    if (!response) throw new Error(`No response for ${pathOrUrl}`)
    await this.settle()
    await this.expectAccessible()
    return response
  }

  /**
   * Clicks a submit button and waits for the result: the next page without JavaScript, Remix's submission
   * (and any redirect) with it. Returns the response to the form submission itself (e.g. 400, or the redirect).
   */
  async submit(button: Locator): Promise<Response> {
    this.assertNothingUnscanned()
    const main = this.page.mainFrame()
    const submitted = this.page.waitForResponse((r) => {
      const request = r.request()
      if (r.frame() !== main || request.method() !== 'POST') return false
      return this.javaScript ? ['fetch', 'xhr', 'document'].includes(request.resourceType()) : request.isNavigationRequest()
    })
    const nextDocument = this.javaScript ? undefined : this.waitFor(this.documentWaiters)
    await button.click()
    const response = await submitted
    if (this.javaScript && response.request().resourceType() === 'document') {
      throw new Error(
        `With JavaScript, Remix should have sent ${response.url()} with fetch, but the browser submitted the form itself.`,
      )
    }
    await nextDocument
    await this.settle()
    await this.expectAccessible()
    return response
  }

  /** Clicks a link (or anything else that navigates) and waits until the new page has settled. */
  async follow(link: Locator): Promise<void> {
    this.assertNothingUnscanned()
    const navigated = this.waitFor(this.entryWaiters)
    await link.click()
    await navigated
    await this.settle()
    await this.expectAccessible()
  }

  private waitFor(waiters: (() => void)[]) {
    const promise = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No navigation within 15 s (at ${this.page.url()})`)), 15_000)
      waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
    // Awaited later; when an earlier step fails it never is, which must not become an unhandled rejection.
    promise.catch(() => {})
    return promise
  }

  /** Until the page has loaded and, with JavaScript, React has hydrated it and Remix has nothing in flight. */
  async settle() {
    await this.page.waitForLoadState('load')
    if (!this.javaScript) return
    await this.page.waitForFunction(() => {
      const { __remixRouter: router, __e2eReactRoots: roots } = window as {
        __remixRouter?: { state: { navigation: { state: string }; revalidation: string } }
        __e2eReactRoots?: Set<{ pendingLanes: number }>
      }
      const footer = document.querySelector('body > footer')
      const hydrated = !!footer && Object.keys(footer).some((key) => key.startsWith('__reactFiber$'))
      // Pending lanes: updates React has been given (the router's new state among them) but not committed yet.
      const rendered = [...(roots ?? [])].every((root) => root.pendingLanes === 0)
      return !!router && hydrated && rendered && router.state.navigation.state === 'idle' && router.state.revalidation === 'idle'
    })
  }

  /** Runs axe on the page as it is now and fails with every violation (rule, impact, target selectors). */
  async expectAccessible() {
    const live = this.javaScript && (await this.page.locator('iframe').count()) === 0
    const snapshot = live ? undefined : await this.scanner.snapshot(this.page)
    const key = scanned.key(snapshot?.html ?? (await this.page.content()), this.page.viewportSize(), live ? 'live' : 'snapshot')
    let violations: AxeResults['violations'] = []
    if (!scanned.has(key)) {
      violations = (snapshot ? await this.scanner.analyze(this.page, snapshot) : await runAxe(this.page)).violations
      // The scanner's tabs may have put this one in the background, where Chromium throttles animation frames
      // (Playwright's checks before a click wait for them).
      if (snapshot) await this.page.bringToFront()
    }
    // One scan covers one page: what led to it (a submission, its redirect) and the page itself. Two pages
    // since the last scan mean one of them was never scanned.
    const pages = this.entries.filter((e) => !e.scanned && e.what.startsWith('page '))
    if (pages.length > 1) {
      throw new Error(
        `Never scanned for accessibility: ${pages
          .slice(0, -1)
          .map((e) => e.what)
          .join(', ')}. Use visit(), submit() or follow().`,
      )
    }
    for (const entry of this.entries) entry.scanned = true
    if (violations.length > 0) throw new Error(formatViolations(this.page.url(), violations))
    scanned.add(key)
  }
}

// ---------------------------------------------------------------------------------------------- per file

/**
 * Call once at the top of a test file: launches a browser with and one without JavaScript for the file's
 * tests, gives each test fresh pages with no session, and fails a test whose pages had browser errors or
 * navigations that were not scanned for accessibility.
 */
export function useE2E() {
  const browsers: Partial<Record<'on' | 'off', E2EBrowser>> = {}
  let pages: E2EPage[] = []
  const scanner = new Scanner(() => {
    if (!browsers.on) throw new Error('The browser with JavaScript is not running.')
    return browsers.on.context
  })

  beforeAll(async () => {
    const [on, off] = await Promise.all([launchBrowser({ javaScript: true }), launchBrowser({ javaScript: false })])
    browsers.on = on
    browsers.off = off
  })

  afterEach(async ({ task }) => {
    // Counted over the whole run by tests/support/summary-reporter.ts (the done-when of issue 11: 0).
    task.meta.cspViolations = pages.reduce((sum, p) => sum + p.cspViolations().length, 0)
    const problems = pages.flatMap((p) => p.finalProblems())
    await Promise.all(pages.map((p) => p.page.close()))
    pages = []
    if (problems.length > 0) throw new Error(`Problems in the browser during this test:\n- ${problems.join('\n- ')}`)
  })

  afterAll(async () => {
    await scanner.close()
    await Promise.all([browsers.on?.close(), browsers.off?.close()])
  })

  return {
    /** A new tab without a session (the browser's cookies are cleared). */
    async newPage({ javaScript }: { javaScript: boolean }): Promise<E2EPage> {
      const browser = javaScript ? browsers.on : browsers.off
      if (!browser) throw new Error('useE2E(): the browsers are not running (call it at the top of the test file).')
      await browser.context.clearCookies()
      const page = new E2EPage(await browser.context.newPage(), javaScript, scanner)
      pages.push(page)
      return page
    },
  }
}

// ------------------------------------------------------------------------------------------------- login

/** Fills in and submits the login form on the current page; returns the response to the submission. */
export async function submitLogin(p: E2EPage, email: string, password: string): Promise<Response> {
  const form = p.page.locator('main form')
  await form.getByLabel('E-mailadres').fill(email)
  await form.getByLabel('Wachtwoord').fill(password)
  return p.submit(form.getByRole('button', { name: 'Inloggen' }))
}

/** Logs in through the real login form (/inloggen) as a demo user and checks the user lands on their home. */
export async function loginAs(p: E2EPage, who: DemoUserKey, password: string = DEMO_PASSWORD): Promise<DemoUser> {
  const user = demoUsers[who]
  await p.visit('/inloggen')
  await submitLogin(p, user.email, password)
  expect(p.path).toBe(homeByRole[user.role])
  await expect.poll(() => header(p).textContent()).toContain(`Ingelogd als ${user.name} (${user.organisation})`)
  return user
}

/** Logs out with the header's button, which submits a POST form to /uitloggen. */
export async function logout(p: E2EPage) {
  await p.submit(header(p).locator('form[method="post"][action="/uitloggen"]').getByRole('button', { name: 'Uitloggen' }))
}

export const header = (p: E2EPage) => p.page.locator('body > header')
export const main = (p: E2EPage) => p.page.locator('main')

/** The texts that describe a form field to assistive technology (its aria-describedby), e.g. its error. */
export async function describedBy(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? []
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()))
  return texts.join(' ').trim()
}

/** POST requests the page sends from now on (form submissions, with or without JavaScript). */
export function countPosts(p: E2EPage) {
  let count = 0
  p.page.on('request', (request) => {
    if (request.method() === 'POST' && request.frame() === p.page.mainFrame()) count += 1
  })
  return () => count
}
