import type { Locator } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { dataFlows } from '#app/features/privacy/data-flows.server'
import ar from '#public/locales/ar/intake.json'
import arCommon from '#public/locales/ar/common.json'
import nl from '#public/locales/nl/intake.json'
import { countPosts, describedBy, type E2EPage, header, main, useE2E } from './fixtures'

/**
 * A resident registers through the public intake form without JavaScript: in Arabic (right to left) and in
 * Dutch through the demo outreach channel (/aanmelden/k/debrug). Every page is checked with axe (fixtures).
 */
const e2e = useE2E()
type Texts = typeof nl

const html = (p: E2EPage) => p.page.locator('html')
const heading = (p: E2EPage) => main(p).getByRole('heading', { level: 1 })
const group = (p: E2EPage, legend: string) => main(p).getByRole('group', { name: legend, exact: true })
const choose = (p: E2EPage, legend: string, label: string) => group(p, legend).getByLabel(label, { exact: true }).check()
const next = async (p: E2EPage, t: Texts) => expect((await p.submit(main(p).getByRole('button', { name: t.nav.next }))).status()).toBe(302)
const field = (p: E2EPage, label: string) => main(p).getByLabel(label, { exact: true })

/** Answers every step after the name and contact steps, in the language of `t`. */
async function answerTheRest(p: E2EPage, t: Texts, postcode = '9000') {
  await field(p, t.steps.woonplaats.postcode).fill(postcode)
  await next(p, t)
  await field(p, t.steps.geboortejaar.birthYear).fill('1992')
  await next(p, t)
  await choose(p, t.steps.situatie.situation, t.values.situation.no_income)
  await choose(p, t.steps.situatie.inEducation, t.values.inEducation.no)
  await next(p, t)
  await choose(p, t.steps.werk.wantsWork, t.values.wantsWork.yes)
  await choose(p, t.steps.werk.wantsTraining, t.values.wantsTraining.yes)
  await next(p, t)
  await choose(p, t.steps.drempels.barriers, t.values.barrier.dutch)
  await choose(p, t.steps.drempels.barriers, t.values.barrier.debts)
  await next(p, t)
  await choose(p, t.steps.nederlands.dutch, t.values.dutch.a_little)
  await next(p, t)
  await choose(p, t.steps.voorkeur.moments, t.values.moment.evening)
  await next(p, t)
}

async function expectFieldError(p: E2EPage, button: Locator, input: () => Locator, message: string) {
  expect((await p.submit(button)).status()).toBe(400)
  expect(await describedBy(input())).toContain(message)
}

/** The error summary (issue 16): in the person's language, focused, its link leading to the field. */
async function expectSummary(p: E2EPage, t: Texts, input: () => Locator, message: string) {
  const summary = main(p).getByRole('region', { name: t.errorSummary })
  await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true)
  expect(await summary.getByRole('link').evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual([
    [`#${await input().getAttribute('id')}`, message],
  ])
}

describe('a resident registers without JavaScript', () => {
  test('in Arabic: right to left on every page, the language switch keeps the answers, and the status page works', async () => {
    const p = await e2e.newPage({ javaScript: false })
    const t = ar as Texts
    await p.visit('/aanmelden?lng=ar')
    expect(await html(p).getAttribute('lang')).toBe('ar')
    expect(await html(p).getAttribute('dir')).toBe('rtl')
    expect(await heading(p).textContent()).toBe(t.start.title)
    // The site around the form speaks Arabic too.
    expect(await header(p).getByRole('link', { name: arCommon.login }).count()).toBe(1)
    await p.submit(main(p).getByRole('button', { name: t.start.button }))

    expect(await main(p).textContent()).toContain('الخطوة 1 من 11')
    await expectFieldError(p, main(p).getByRole('button', { name: t.nav.next }), () => field(p, t.steps.naam.firstName), t.errors.firstNameRequired)
    await expectSummary(p, t, () => field(p, t.steps.naam.firstName), t.errors.firstNameRequired)
    await field(p, t.steps.naam.firstName).fill('أمينة')
    await field(p, t.steps.naam.lastName).fill('العلوي')
    await next(p, t)
    await choose(p, t.steps.contact.method, t.values.contactMethod.phone)
    await field(p, t.steps.contact.phone).fill('0470 12 34 56')
    await next(p, t)

    // Switching language on a step keeps what was sent: the contact step in Dutch shows the phone number.
    await p.follow(p.page.getByRole('navigation', { name: t.languageSwitcher }).getByRole('link', { name: 'Nederlands' }))
    expect(await html(p).getAttribute('dir')).toBe('ltr')
    expect(await heading(p).textContent()).toBe(nl.steps.woonplaats.title)
    await p.follow(main(p).getByRole('link', { name: nl.nav.back }))
    expect(await field(p, nl.steps.contact.phone).inputValue()).toBe('0470123456')
    await p.follow(p.page.getByRole('navigation', { name: nl.languageSwitcher }).getByRole('link', { name: 'العربية' }))
    expect(await html(p).getAttribute('dir')).toBe('rtl')
    await next(p, t)

    await answerTheRest(p, t)
    await expectFieldError(
      p,
      main(p).getByRole('button', { name: t.nav.next }),
      () => group(p, t.steps.toestemming.processingLegend).getByRole('checkbox'),
      t.errors.consentProcessingRequired,
    )
    await choose(p, t.steps.toestemming.processingLegend, t.steps.toestemming.processing)
    await next(p, t)

    expect(await heading(p).textContent()).toBe(t.summary.title)
    expect(await main(p).textContent()).toContain('أمينة العلوي')
    expect(await main(p).textContent()).toContain(t.summary.sharingNotGiven)
    await p.submit(main(p).getByRole('button', { name: t.summary.submit }))

    expect(await heading(p).textContent()).toBe(t.done.title)
    expect(await html(p).getAttribute('dir')).toBe('rtl')
    const reference = (await main(p).locator('p.text-3xl').textContent())!.trim()
    expect(reference).toMatch(/^STP-[2-9A-Z]{4}-[2-9A-Z]{4}$/)
    // Without consent to share, only the municipality's OCMW gets the intake, and the page names only it.
    expect(await main(p).textContent()).toContain('OCMW Gent')
    expect(await main(p).textContent()).not.toContain('VDAB')
    await p.follow(main(p).getByRole('link', { name: /\/aanmelden\/status\// }))

    expect(await heading(p).textContent()).toBe(t.status.title)
    expect(await html(p).getAttribute('dir')).toBe('rtl')
    expect(await main(p).textContent()).toContain(reference)
    expect(await main(p).textContent()).toContain(t.values.status.new)
    expect(await main(p).textContent()).toContain(t.status.consentNotGiven)
    await choose(p, t.steps.contact.method, t.values.contactMethod.email)
    await field(p, t.steps.contact.email).fill('amina@example.test')
    expect((await p.submit(main(p).getByRole('button', { name: t.status.contactSave }))).status()).toBe(302)
    expect(await p.page.getByRole('status').textContent()).toContain(t.status.contactSaved)
    expect(await field(p, t.steps.contact.email).inputValue()).toBe('amina@example.test')

    // A broken link is a friendly page in the person's language, not a server error.
    const broken = await p.visit('/aanmelden/status/bestaat-niet?lng=ar')
    expect(broken.status()).toBe(404)
    expect(await heading(p).textContent()).toBe(t.error.notFoundTitle)
    expect(await html(p).getAttribute('dir')).toBe('rtl')
  })

  test('in Dutch through an outreach link: the channel is a way to be reached, answers can be changed, consent withdrawn and erasure asked', async () => {
    const p = await e2e.newPage({ javaScript: false })
    const t = nl
    await p.visit('/aanmelden/k/debrug')
    expect(p.path).toBe('/aanmelden?lng=nl')
    expect(await main(p).textContent()).toContain('U meldt zich aan via Buurtcentrum De Brug vzw.')
    await p.submit(main(p).getByRole('button', { name: t.start.button }))

    await field(p, t.steps.naam.firstName).fill('Jan')
    await next(p, t)
    await choose(p, t.steps.contact.method, 'Via Buurtcentrum De Brug vzw, de organisatie die mij helpt')
    await next(p, t)
    await expectFieldError(p, main(p).getByRole('button', { name: t.nav.next }), () => field(p, t.steps.woonplaats.postcode), t.errors.postcodeRequired)
    await field(p, t.steps.woonplaats.postcode).fill('1000')
    await expectFieldError(p, main(p).getByRole('button', { name: t.nav.next }), () => field(p, t.steps.woonplaats.postcode), t.errors.postcodeNotFlemish)
    await answerTheRest(p, t)
    await choose(p, t.steps.toestemming.processingLegend, t.steps.toestemming.processing)
    await choose(p, t.steps.toestemming.sharingLegend, t.steps.toestemming.sharing)
    await next(p, t)

    // "Change" goes to the step and back to the summary.
    await p.follow(main(p).getByRole('link', { name: `${t.summary.change} ${t.steps.naam.label}` }))
    await field(p, t.steps.naam.firstName).fill('Jana')
    await next(p, t)
    expect(await heading(p).textContent()).toBe(t.summary.title)
    expect(await main(p).textContent()).toContain('Jana')
    await p.submit(main(p).getByRole('button', { name: t.summary.submit }))

    expect(await heading(p).textContent()).toBe(t.done.title)
    const text = await main(p).textContent()
    expect(text).toContain('OCMW Gent of VDAB-team Regio Gent neemt binnen 5 werkdagen contact met u op')
    expect(text).toContain('Ze nemen contact met u op via Buurtcentrum De Brug vzw.')
    const statusLink = (await main(p).getByRole('link', { name: /\/aanmelden\/status\// }).getAttribute('href'))!

    // On a shared computer the confirmation can be wiped from the device.
    await p.submit(main(p).getByRole('button', { name: t.done.sharedDeviceButton }))
    expect(p.path).toBe('/aanmelden?lng=nl')
    await p.visit('/aanmelden/klaar?lng=nl')
    expect(p.path).toBe('/aanmelden?lng=nl')

    await p.visit(statusLink)
    expect(await main(p).textContent()).toContain('Ontvangen')
    await p.submit(main(p).getByRole('button', { name: t.status.consentWithdraw }))
    expect(await p.page.getByRole('status').textContent()).toContain(t.status.consentWithdrawn)
    expect(await main(p).getByRole('button', { name: t.status.consentWithdraw }).count()).toBe(0)

    await expectFieldError(p, main(p).getByRole('button', { name: t.status.eraseButton }), () => group(p, t.status.eraseLegend).getByRole('checkbox'), t.errors.erasureConfirmRequired)
    await choose(p, t.status.eraseLegend, t.status.eraseConfirm)
    await p.submit(main(p).getByRole('button', { name: t.status.eraseButton }))
    expect(p.path).toBe('/aanmelden/gewist?lng=nl')
    expect(await heading(p).textContent()).toBe(t.erased.title)
  })

  test('the privacy notice exists in every language of the form', async () => {
    const p = await e2e.newPage({ javaScript: false })
    for (const language of ['nl', 'en', 'fr', 'ar', 'tr', 'uk']) {
      await p.visit(`/aanmelden/privacy?lng=${language}`)
      expect(await html(p).getAttribute('lang')).toBe(language)
      // Six sections, then the register of data flows (docs/data-flows.yaml) with a heading per flow.
      expect(await main(p).getByRole('heading', { level: 2 }).count()).toBe(7)
      expect(await main(p).getByRole('heading', { level: 3 }).count()).toBe(dataFlows().flows.length)
    }
  })
})

describe('a resident registers with JavaScript', () => {
  test('the same form checks answers while typing, in the person’s language', async () => {
    const p = await e2e.newPage({ javaScript: true })
    const t = ar as Texts
    await p.visit('/aanmelden?lng=ar')
    await p.submit(main(p).getByRole('button', { name: t.start.button }))
    expect(p.path).toBe('/aanmelden/naam?lng=ar')
    const posts = countPosts(p)
    await main(p).getByRole('button', { name: t.nav.next }).click()
    await expect.poll(() => describedBy(field(p, t.steps.naam.firstName))).toContain(t.errors.firstNameRequired)
    expect(posts()).toBe(0)
    await expectSummary(p, t, () => field(p, t.steps.naam.firstName), t.errors.firstNameRequired)
    await p.expectAccessible()
    await field(p, t.steps.naam.firstName).fill('أمينة')
    await p.submit(main(p).getByRole('button', { name: t.nav.next }))
    expect(p.path).toBe('/aanmelden/contact?lng=ar')
    expect(await html(p).getAttribute('dir')).toBe('rtl')
  })
})
