import { randomBytes, randomInt } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { describeEmployerPays, describeEstimate, formatDate } from '#domain/compensation-labels'
import { parseEuroCents, todayIso } from '#domain/compensation-rules'
import { estimateCost } from '#domain/cost-estimate'
import { enterpriseNumberFrom } from '#db/seed/factories'
import { type E2EPage, loginAs, logout, main, modes, submitLogin, useE2E } from './fixtures'
import { confirmEmailThroughOutbox } from './journeys'

/**
 * Issue 3's first "done when", in one journey per mode: a new employer registers, confirms its address, is
 * approved, creates a placement with an ESCO jobdoelwit, sees what it costs, publishes it; the public page
 * carries JobPosting JSON-LD; the regional admin changes the schedule that applies and the placement shows
 * the new version from its date while the old one stays in the history.
 *
 * The site is in Gent (9000, Regio Gent). For TWE art. 60 the demo data give OCMW Gent a deviation from the
 * region's rules (db/seed/compensation.ts), and a deviation wins over the region's own schedule: that is the
 * schedule of Regio Gent that applies to this placement, so that is the one the admin changes. (Changing the
 * region's own schedule would not move this placement, and compensation.test.ts counts on the region's July
 * version staying in force.)
 */
const e2e = useE2E()

const PASSWORD = 'een werkgever die de hele weg aflegt'
const TWE = 'TWE met artikel 60§7-contract'
const HOURS = 20
// ESCO "magazijnmedewerker" (db/reference/esco-occupations-nl.json).
const WAREHOUSE = { uri: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f', code: '9333.8' }

type JobPosting = {
  '@context': string
  '@type': string
  datePosted: string
  hiringOrganization: Record<string, string>
  title: string
  occupationalCategory: { url: string; codeValue: string }
  totalJobOpenings: number
  workHours: string
  validThrough: string
  jobLocation: { address: { addressLocality: string; postalCode: string; addressCountry: string } }
}

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december']

/** "1 januari 2026" (as formatDate writes it) → "2026-01-01"; checked by formatting it back. */
function isoFromDutch(text: string) {
  const [, day, month, year] = /^(\d{1,2}) (\p{L}+) (\d{4})$/u.exec(text) ?? []
  const iso = `${year}-${String(months.indexOf(month ?? '') + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  expect(formatDate(iso)).toBe(text)
  return iso
}

const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The TWE row of the "what this placement costs" table, on the employer's page and on the public page alike. */
const tweCostRow = (p: E2EPage) =>
  main(p)
    .getByRole('table', { name: /^Kostprijs voor de werkgever \(privébedrijf\), geschat bij 20 uur per week/ })
    .getByRole('row')
    .filter({ has: p.page.getByRole('rowheader', { name: TWE, exact: true }) })

/** The TWE row names the schedule and its start, what the employer pays per hour and the estimate for 20 hours. */
async function expectCost(p: E2EPage, { cents, validFrom, demo }: { cents: number; validFrom: string; demo: boolean }) {
  const cells = await tweCostRow(p).getByRole('cell').allTextContents()
  const rule = { employerPaysCents: cents, employerPaysUnit: 'per_hour' as const }
  expect(cells.slice(0, 3)).toEqual([
    `Afwijking van OCMW Gent (Regio Gent), vanaf ${formatDate(validFrom)}${demo ? ' (demowaarde)' : ''}`,
    describeEmployerPays(rule),
    describeEstimate(estimateCost(rule, HOURS)),
  ])
}

// More than 30 pages, each scanned with axe: about 20 s on a quiet machine, so it gets more room than the default.
const JOURNEY_TIMEOUT_MS = 180_000

describe.each(modes)('an employer from registration to a changed schedule, $mode', ({ javaScript }) => {
  test('registers, is approved, publishes a placement with its cost, and sees the new schedule version', { timeout: JOURNEY_TIMEOUT_MS }, async () => {
    const p = await e2e.newPage({ javaScript })
    const run = randomBytes(4).toString('hex')
    const organisation = `Logistiek ${run} bv`
    const email = `traject-${run}@example.test`
    const kbo = enterpriseNumberFrom(randomInt(1_000_000, 20_000_000))
    const title = `Hulp in het magazijn ${run}`

    // 1. Registration: one site in Gent.
    await p.visit('/werkgever-worden')
    const registration = main(p).locator('form#werkgever-worden')
    await registration.getByLabel('Naam van de organisatie').fill(organisation)
    await registration.getByLabel('Ondernemingsnummer (KBO)').fill(kbo)
    await registration.getByRole('group', { name: 'Soort organisatie' }).getByLabel('Privébedrijf').check()
    await registration.getByLabel('Sector').fill('Logistiek')
    await registration.getByLabel('Naam', { exact: true }).fill('Ilse Wouters')
    await registration.getByLabel('E-mailadres').fill(email)
    const site = registration.getByRole('group', { name: 'Vestiging 1', exact: true })
    await site.getByLabel('Naam van de vestiging').fill('Magazijn Dok Noord')
    await site.getByLabel('Straat en huisnummer').fill('Dok-Noord 7')
    await site.getByLabel('Postcode').fill('9000')
    await registration.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD)
    await registration.getByLabel('Herhaal het wachtwoord').fill(PASSWORD)
    await p.submit(registration.getByRole('button', { name: 'Organisatie registreren' }))
    expect(p.path).toBe('/werkgever-worden/e-mail-verstuurd')

    // 2. The address is confirmed through the link in the mail (read in the dev outbox), then the employer logs in.
    await confirmEmailThroughOutbox(p, email)
    await submitLogin(p, email, PASSWORD)
    expect(p.path).toBe('/werkgever')
    await logout(p)

    // 3. The regional admin of Regio Gent approves it.
    await loginAs(p, 'regionalAdmin')
    await p.visit('/admin/werkgevers')
    await p.follow(main(p).getByRole('row').filter({ hasText: organisation }).getByRole('link', { name: organisation }))
    await p.submit(main(p).getByRole('button', { name: 'Werkgever goedkeuren' }))
    expect(await p.page.getByRole('status').textContent()).toBe(`${organisation} is goedgekeurd. De werkgever kreeg een e-mail.`)
    await logout(p)

    // 4. The employer creates a placement with an ESCO jobdoelwit and saves it as a draft.
    await p.visit('/inloggen')
    await submitLogin(p, email, PASSWORD)
    await p.visit('/werkgever/plaatsen/nieuw')
    const editor = main(p).locator('form[method="post"]')
    await editor.getByLabel('Titel').fill(title)
    if (javaScript) {
      const combobox = editor.getByRole('combobox', { name: 'Jobdoelwit (beroep)' })
      await combobox.fill('magazijnmedewerker')
      await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true')
      await p.page.getByRole('listbox', { name: 'Gevonden beroepen' }).getByRole('option', { name: 'magazijnmedewerker', exact: true }).click()
      expect(await main(p).getByTestId('chosen-occupation').textContent()).toContain('Gekozen: magazijnmedewerker')
    } else {
      await editor.getByRole('textbox', { name: 'Jobdoelwit (beroep)' }).fill('magazijnmedewerker')
      expect((await p.submit(editor.getByRole('button', { name: 'Zoek beroep' }))).status()).toBe(200)
      await editor.getByRole('group', { name: 'Kies het beroep dat het best past' }).getByLabel('magazijnmedewerker', { exact: true }).check()
    }
    await editor.getByLabel('Beschrijving').fill('Pakketten ontvangen, scannen en klaarzetten voor de chauffeurs, met een vaste collega.')
    await editor.getByLabel('Taken').fill('Pakketten scannen\nRekken aanvullen')
    await editor.getByLabel('Samenwerken in een team').check()
    await editor.getByLabel('Vestiging').selectOption({ label: 'Magazijn Dok Noord – Dok-Noord 7, 9000 Gent' })
    await editor.getByLabel('Uren per week').fill(String(HOURS))
    await editor.getByLabel('Overdag').check()
    await editor.getByLabel('Aantal plaatsen').fill('3')
    await editor.getByLabel('A1 – eerste woorden').check()
    await editor.getByLabel(TWE).check()
    await p.submit(editor.getByRole('button', { name: 'Opslaan als ontwerp' }))
    expect(p.path).toMatch(/^\/werkgever\/plaatsen\/[0-9a-f-]{36}$/)
    const placementPath = p.path
    const id = placementPath.split('/').at(-1)!
    expect(await main(p).getByRole('heading', { level: 2, name: 'Status: Ontwerp' }).count()).toBe(1)

    // 5. Its page shows the schedule that applies (Regio Gent, via OCMW Gent's deviation) and the monthly cost.
    const costSection = main(p).getByRole('region', { name: 'Wat deze plaats u kost' })
    expect(await costSection.getByRole('rowheader').allTextContents()).toEqual([TWE])
    const before = await tweCostRow(p).getByRole('cell').allTextContents()
    expect(before[0]).toMatch(/^Afwijking van OCMW Gent \(Regio Gent\), vanaf \d{1,2} \p{L}+ \d{4}/u)
    // What applies now: the demo's version, or the one the other mode's run added (it starts the day after).
    const [, oldDate, demoSuffix] = /vanaf (.+?)( \(demowaarde\))?$/.exec(before[0]!)!
    const oldFrom = isoFromDutch(oldDate!)
    const oldCents = parseEuroCents(/^€\s(\S+) per gewerkt uur$/.exec(before[1]!)?.[1] ?? '')
    if (!oldCents.ok) throw new Error(`No hourly amount in "${before[1]}"`)
    const old = { cents: oldCents.cents, validFrom: oldFrom, demo: demoSuffix !== undefined }
    await expectCost(p, old)

    // 6. Published; then, logged out, the public page shows it with its JobPosting JSON-LD.
    await p.submit(main(p).getByRole('region', { name: 'Status: Ontwerp' }).getByRole('button', { name: 'Publiceren', exact: true }))
    expect(await main(p).getByRole('heading', { level: 2, name: 'Status: Gepubliceerd' }).count()).toBe(1)
    await logout(p)
    expect((await p.visit(`/plaatsen/${id}`)).status()).toBe(200)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(title)
    expect(await main(p).textContent()).toContain(`${organisation}, Gent`)
    const posting = JSON.parse((await p.page.locator('script[type="application/ld+json"]').textContent()) ?? '') as JobPosting
    expect(posting).toMatchObject({ '@context': 'https://schema.org', '@type': 'JobPosting', datePosted: todayIso() })
    expect(posting.hiringOrganization).toEqual({ '@type': 'Organization', name: organisation })
    expect(posting.title).toBe(title)
    expect(posting.occupationalCategory).toMatchObject({ url: WAREHOUSE.uri, codeValue: WAREHOUSE.code })
    expect(posting.workHours).toBe('20 uur per week, overdag')
    expect(posting.totalJobOpenings).toBe(3)
    expect(posting.jobLocation.address).toMatchObject({ addressLocality: 'Gent', postalCode: '9000', addressCountry: 'BE' })
    expect(posting.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(posting.validThrough > todayIso()).toBe(true)
    await expectCost(p, old)

    // 7. The regional admin adds a version of that schedule with a new amount for private employers. It must start
    //    after the latest version; the day after it lies in the past (the app allows that), so it is in force today.
    await loginAs(p, 'regionalAdmin')
    await p.visit('/admin/vergoedingen/REFREG13')
    // The demo's OCMW Gent has the deviation; the reference OCMW Gent of the same name has none.
    await main(p).getByLabel('Welke regeling wil je wijzigen?').selectOption({ label: 'Afwijking voor OCMW Gent (demo)' })
    await p.follow(main(p).getByRole('button', { name: 'Kies' }))
    expect(p.path).toMatch(/^\/admin\/vergoedingen\/REFREG13\?ocmw=[0-9a-f-]{36}$/)
    // With JavaScript, React may commit this page a while after the router is idle, where follow() stops waiting
    // (the region's form, with its amounts, is still on screen until then): wait for the deviation's form and
    // scan the page as it is then.
    const formTitle = main(p).getByRole('heading', { level: 2, name: /^Nieuwe versie/ })
    await expect.poll(() => formTitle.textContent()).toBe('Nieuwe versie van de afwijking voor OCMW Gent')
    await p.expectAccessible()
    const history = main(p).getByRole('region', { name: 'Afwijking voor OCMW Gent' })
    const summaries = () => history.locator('summary').allTextContents()
    const [latestSummary] = await summaries()
    const latest = isoFromDutch(/^Vanaf (.+?) –/.exec(latestSummary ?? '')?.[1] ?? '')
    expect(latest).toBe(oldFrom)
    const start = dayAfter(latest)
    expect(start <= todayIso(), `OCMW Gent's deviation already has a version from ${latest}: no room for one in force today`).toBe(true)
    const versionForm = main(p).locator('form[method="post"]')
    const amount = versionForm
      .getByRole('group', { name: TWE, exact: true })
      .getByRole('textbox', { name: 'Privébedrijf Werkgever betaalt (€)' })
    const copied = parseEuroCents(await amount.inputValue())
    expect(copied).toEqual({ ok: true, cents: oldCents.cents })
    const newCents = oldCents.cents + (javaScript ? 35 : 45)
    await amount.fill((newCents / 100).toFixed(2).replace('.', ','))
    await versionForm.getByLabel('Geldt vanaf').fill(start)
    await versionForm.getByLabel('Toelichting (niet verplicht)').fill(`E2E-traject ${run}`)
    await p.submit(versionForm.getByRole('button', { name: 'Nieuwe versie opslaan' }))
    expect(await p.page.getByRole('status').textContent()).toMatch(
      new RegExp(`^De nieuwe versie is opgeslagen en geldt vanaf ${formatDate(start)}\\. \\d+ werkgevers? krijg`),
    )
    const after = await summaries()
    expect(after[0]).toBe(`Vanaf ${formatDate(start)} – geldt nu`)
    expect(after[1]).toMatch(new RegExp(`^Vanaf ${formatDate(latest)} – vervangen`))
    expect(after.at(-1)).toBe('Vanaf 1 januari 2026 – vervangen (demowaarden)')
    await logout(p)

    // 8. The public placement page shows the new version from its date; the comparison page keeps the old one.
    await p.visit(`/plaatsen/${id}`)
    await expectCost(p, { cents: newCents, validFrom: start, demo: false })
    await p.visit('/vergoedingen')
    const gent = main(p).locator('details#regio-REFREG13')
    await gent.locator('summary').click()
    const versions = gent.getByRole('table', { name: /^Afwijking van OCMW Gent: alle versies/ }).getByRole('row')
    const newRule = describeEmployerPays({ employerPaysCents: newCents, employerPaysUnit: 'per_hour' })
    const oldRule = describeEmployerPays({ employerPaysCents: oldCents.cents, employerPaysUnit: 'per_hour' })
    expect(await versions.filter({ hasText: formatDate(start) }).textContent()).toContain(`geldt nu${newRule}`)
    expect(await versions.filter({ hasText: formatDate(latest) }).textContent()).toContain(`vervangen${oldRule}`)

    // 9. And so does the employer's own page of the placement.
    await p.visit('/inloggen')
    await submitLogin(p, email, PASSWORD)
    await p.visit(placementPath)
    await expectCost(p, { cents: newCents, validFrom: start, demo: false })
  })
})
