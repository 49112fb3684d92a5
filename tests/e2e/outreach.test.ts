import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { baseUrl, describedBy, type E2EPage, header, loginAs, main, modes, useE2E } from './fixtures'

const e2e = useE2E()

const ORGANISATION = 'Buurtcentrum De Brug vzw'
const todayInBrussels = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date())

const poster = (p: E2EPage) => p.page.getByTestId('poster')
const channelRow = (p: E2EPage, name: string) => main(p).getByRole('row').filter({ has: p.page.getByRole('rowheader', { name, exact: true }) })

/** The poster in the language it claims: lang and dir on the poster, the link with that language, its QR code. */
async function expectPoster(p: E2EPage, code: string, language: string, dir: 'rtl' | 'ltr', title: string) {
  const url = `${baseUrl}/aanmelden/k/${code}?lng=${language}`
  expect(await poster(p).getAttribute('lang')).toBe(language)
  expect(await poster(p).getAttribute('dir')).toBe(dir)
  expect(await poster(p).getByRole('heading', { level: 2 }).textContent()).toBe(title)
  expect(await poster(p).getByTestId('poster-url').textContent()).toBe(url)
  const qr = poster(p).getByRole('img', { name: new RegExp(`${url.replace(/[.?]/g, '\\$&')}$`) })
  expect(await qr.locator('svg path').count()).toBeGreaterThan(0)
  // The page around the poster stays Dutch.
  expect(await p.page.locator('html').getAttribute('lang')).toBe('nl')
}

/** Printed, the poster is all there is, on one A4 sheet (Chromium's own PDF of the print view). */
async function expectPrintedAlone(p: E2EPage) {
  await p.page.emulateMedia({ media: 'print' })
  expect(await header(p).isVisible()).toBe(false)
  expect(await main(p).getByRole('heading', { level: 1 }).isVisible()).toBe(false)
  expect(await poster(p).isVisible()).toBe(true)
  const pdf = (await p.page.pdf({ preferCSSPageSize: true })).toString('latin1')
  await p.page.emulateMedia({ media: null })
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1)
  // A4 is 595 × 842 points; Chromium rounds to whole pixels.
  const [width, height] = pdf.match(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/)!.slice(1).map(Number)
  expect(Math.abs(width! - 595.3)).toBeLessThan(1.5)
  expect(Math.abs(height! - 841.9)).toBeLessThan(1.5)
}

describe.each(modes)('outreach channels, $mode', ({ javaScript }) => {
  test('an outreach worker makes a link, prints its poster in Arabic and Dutch, and the link opens the form', async () => {
    const p = await e2e.newPage({ javaScript })
    const name = `Taalcafé ${javaScript ? 'met' : 'zonder'} JS ${randomBytes(3).toString('hex')}`
    await loginAs(p, 'outreachWorker')
    await p.visit('/partner/kanalen')
    const form = main(p).locator('form[method="post"]').filter({ has: p.page.getByRole('button', { name: 'Aanmeldlink maken' }) })

    // One mistake: no name. With JavaScript the form stops it; without, the server answers 400.
    await form.getByLabel('Taal waarin het formulier opent').selectOption({ label: 'Arabisch' })
    const create = form.getByRole('button', { name: 'Aanmeldlink maken' })
    if (javaScript) await create.click()
    else expect((await p.submit(create)).status()).toBe(400)
    await expect.poll(() => describedBy(form.getByLabel('Naam', { exact: true }))).toContain('Geef de link een naam.')
    await form.getByLabel('Naam', { exact: true }).fill(name)
    await p.submit(create)
    expect(p.path).toBe('/partner/kanalen')
    expect(await p.page.getByRole('status').first().textContent()).toContain(`De link "${name}" is klaar.`)

    const row = channelRow(p, name)
    const link = (await row.getByTestId('channel-link').textContent())!
    const code = link.match(new RegExp(`^${baseUrl}/aanmelden/k/([23456789a-hjkmnp-z]{8})$`))?.[1]
    expect(code).toBeDefined()
    expect(await row.getByRole('cell').allTextContents()).toEqual([link, 'العربية (Arabisch)', '0', '0', expect.stringContaining('Affiche')])

    // Renaming: an empty name is named as the mistake, then the new name keeps the same link.
    const renamed = `${name} (bib)`
    await row.locator('summary').click()
    const rename = row.getByLabel(`Nieuwe naam voor ${name}`)
    await rename.fill('')
    expect((await p.submit(row.getByRole('button', { name: 'Naam opslaan' }))).status()).toBe(400)
    expect(await describedBy(channelRow(p, name).getByLabel(`Nieuwe naam voor ${name}`))).toContain('Geef de link een naam.')
    await channelRow(p, name).getByLabel(`Nieuwe naam voor ${name}`).fill(renamed)
    await p.submit(channelRow(p, name).getByRole('button', { name: 'Naam opslaan' }))
    expect(await p.page.getByRole('status').first().textContent()).toContain(`De link heet nu "${renamed}".`)
    expect(await channelRow(p, renamed).getByTestId('channel-link').textContent()).toBe(link)

    // The poster opens in the channel's language: Arabic, right to left.
    await p.follow(channelRow(p, renamed).getByRole('link', { name: `Affiche voor ${renamed}` }))
    expect(p.path).toMatch(new RegExp(`^/partner/kanalen/[0-9a-f-]{36}/affiche\\?taal=ar$`))
    await expectPoster(p, code!, 'ar', 'rtl', 'هل تبحث عن عمل أو تدريب؟')
    expect(await poster(p).textContent()).toContain(ORGANISATION)
    await expectPrintedAlone(p)

    const picker = main(p).getByRole('navigation', { name: 'Taal van het affiche' })
    expect(await picker.getByRole('link', { name: 'العربية (Arabisch)', exact: true }).getAttribute('aria-current')).toBe('page')
    await p.follow(picker.getByRole('link', { name: 'Nederlands', exact: true }))
    await expectPoster(p, code!, 'nl', 'ltr', 'Zoekt u werk of een opleiding?')
    expect(await poster(p).textContent()).toContain(`Vraag het aan ${ORGANISATION}.`)
    await expectPrintedAlone(p)

    // Logged out, the Dutch poster's link opens the form, which knows the channel.
    const resident = await e2e.newPage({ javaScript })
    await resident.visit(`/aanmelden/k/${code}?lng=nl`)
    expect(resident.path).toBe('/aanmelden?lng=nl')
    expect(await main(resident).getByRole('heading', { level: 1 }).textContent()).toBe('Hulp zoeken naar werk of een opleiding')
    expect(await main(resident).textContent()).toContain(`U meldt zich aan via ${ORGANISATION}.`)
    // The plain link opens it in the channel's language.
    await resident.visit(`/aanmelden/k/${code}`)
    expect(resident.path).toBe('/aanmelden?lng=ar')
    expect(await resident.page.locator('html').getAttribute('dir')).toBe('rtl')
  })
})

describe.each(modes)('audit log, $mode', ({ javaScript }) => {
  test('a platform admin filters the audit log, is told about a wrong date range, and downloads the CSV', async () => {
    const p = await e2e.newPage({ javaScript })
    const admin = await loginAs(p, 'platformAdmin')
    await p.visit('/admin/audit')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Auditlog')
    const filters = main(p).locator('form[method="get"]')

    // The login just now is in the log.
    const today = todayInBrussels()
    await filters.getByLabel('Soort onderwerp').selectOption({ label: 'Gebruiker' })
    await filters.getByLabel('Handeling').selectOption({ label: 'Ingelogd' })
    await filters.getByLabel('Van (datum)').fill(today)
    await filters.getByLabel('Tot en met (datum)').fill(today)
    await p.follow(filters.getByRole('button', { name: 'Toon' }))
    expect(new URL(p.page.url()).searchParams.get('actie')).toBe('session.start')
    const rows = main(p).getByRole('table', { name: 'Regels van het auditlog, nieuwste eerst' }).getByRole('row').filter({ hasText: admin.name })
    expect(await rows.count()).toBeGreaterThanOrEqual(1)
    expect(await rows.first().textContent()).toContain(admin.organisation)
    expect(await rows.first().textContent()).toContain('Ingelogd')

    const csvHref = (await main(p).getByRole('link', { name: 'Download deze regels als CSV' }).getAttribute('href'))!
    expect(csvHref).toBe(`/admin/audit.csv?type=user&actie=session.start&van=${today}&tot=${today}`)
    const csv = await p.page.request.get(new URL(csvHref, baseUrl).href)
    expect(csv.status()).toBe(200)
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    expect(await csv.text()).toContain(`"${admin.name}";"${admin.organisation}";"Ingelogd";"session.start"`)

    // An end before the start: said at the field, and no rows.
    await filters.getByLabel('Van (datum)').fill('2026-02-02')
    await filters.getByLabel('Tot en met (datum)').fill('2026-02-01')
    await p.follow(filters.getByRole('button', { name: 'Toon' }))
    expect(await describedBy(filters.getByLabel('Tot en met (datum)'))).toContain('De einddatum ligt voor de begindatum.')
    expect(await main(p).getByRole('table').count()).toBe(0)
  })
})
