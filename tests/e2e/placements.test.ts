import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { describedBy, type E2EPage, loginAs, logout, main, modes, useE2E } from './fixtures'

const e2e = useE2E()

// ESCO "bakker" (db/reference/esco-occupations-nl.json).
const BAKER = 'http://data.europa.eu/esco/occupation/1aadb308-432a-4d01-b54b-b4f7f76dd419'

type JobPosting = {
  '@type': string
  title: string
  occupationalCategory: { url: string; codeValue: string }
  totalJobOpenings: number
  workHours: string
  validThrough: string
  jobLocation: { address: { addressLocality: string; postalCode: string; addressCountry: string } }
  hiringOrganization: Record<string, string>
}

/** Picks "bakker" as jobdoelwit: with JavaScript in the combobox by keyboard, without through the search button. */
async function pickBaker(p: E2EPage, form: ReturnType<typeof main>) {
  if (p.javaScript) {
    const combobox = form.getByRole('combobox', { name: 'Jobdoelwit (beroep)' })
    await combobox.fill('bakker')
    await expect.poll(() => combobox.getAttribute('aria-expanded')).toBe('true')
    expect(await p.page.getByRole('status').filter({ hasText: 'beroepen gevonden' }).count()).toBe(1)
    await combobox.press('ArrowDown')
    const active = await combobox.getAttribute('aria-activedescendant')
    expect(await p.page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true')
    expect(await p.page.locator(`[id="${active}"]`).textContent()).toBe('bakker')
    await combobox.press('Enter')
    expect(await combobox.getAttribute('aria-expanded')).toBe('false')
  } else {
    await form.getByRole('textbox', { name: 'Jobdoelwit (beroep)' }).fill('bakker')
    const response = await p.submit(form.getByRole('button', { name: 'Zoek beroep' }))
    expect(response.status()).toBe(200)
    // Nothing was saved and nothing else was lost: the title is still there, and no error is shown yet.
    expect(await form.getByLabel('Titel').inputValue()).toMatch(/^E2E-plaats/)
    expect(await form.locator('.field-error').count()).toBe(0)
    await form.getByRole('group', { name: 'Kies het beroep dat het best past' }).getByLabel('bakker', { exact: true }).check()
  }
}

describe.each(modes)('placements, $mode', ({ javaScript }) => {
  test('an employer creates, publishes and pauses a placement; the public list and page follow', async () => {
    const p = await e2e.newPage({ javaScript })
    const title = `E2E-plaats ${javaScript ? 'met' : 'zonder'} JavaScript ${randomBytes(3).toString('hex')}`
    await loginAs(p, 'employer')
    await p.visit('/werkgever/plaatsen')
    await p.follow(main(p).getByRole('link', { name: 'Nieuwe plaats' }))
    expect(p.path).toBe('/werkgever/plaatsen/nieuw')

    const form = main(p).locator('form[method="post"]')
    await form.getByLabel('Titel').fill(title)
    await pickBaker(p, form)
    if (javaScript) expect(await main(p).getByTestId('chosen-occupation').textContent()).toMatch(/Gekozen: bakker.*broodbakker/)
    await form.getByLabel('Beschrijving').fill('Deeg afwegen, broodjes vormen en de ovens laden, samen met onze bakkers.')
    await form.getByLabel('Taken').fill('Deeg afwegen\nOvens laden')
    await form.getByLabel('Op tijd komen').check()
    await form.getByLabel('Vestiging').selectOption({ label: 'Bakkerij Gent centrum – Veldstraat 12, 9000 Gent' })
    await form.getByLabel('Uren per week').fill('50')
    await form.getByLabel('Overdag').check()
    await form.getByLabel('Aantal plaatsen').fill('2')
    await form.getByLabel('A2 – eenvoudige gesprekken').check()
    await form.getByLabel('Een vaste mentor op de werkvloer').check()
    await form.getByLabel('TWE met artikel 60§7-contract').check()

    // One mistake: 50 hours. With JavaScript the browser catches it before sending; without, the server does (400).
    const publish = form.getByRole('button', { name: 'Opslaan en publiceren' })
    if (javaScript) await publish.click()
    else expect((await p.submit(publish)).status()).toBe(400)
    await expect.poll(() => describedBy(form.getByLabel('Uren per week'))).toContain('Een plaats telt hoogstens 40 uur per week.')
    expect(p.path).toBe('/werkgever/plaatsen/nieuw')
    expect(await form.getByLabel('Titel').inputValue()).toBe(title)
    expect(await form.getByLabel('Taken').inputValue()).toBe('Deeg afwegen\nOvens laden')
    expect(await form.getByLabel('Vestiging').locator('option:checked').textContent()).toContain('Bakkerij Gent centrum')
    expect(await form.getByLabel('A2 – eenvoudige gesprekken').isChecked()).toBe(true)
    expect(await form.getByLabel('TWE met artikel 60§7-contract').isChecked()).toBe(true)
    expect(await form.locator('input[type="hidden"][name="occupationUri"]').inputValue()).toBe(BAKER)
    expect(await main(p).getByTestId('chosen-occupation').textContent()).toContain('Gekozen: bakker')

    await form.getByLabel('Uren per week').fill('19,5')
    await p.submit(publish)
    expect(p.path).toMatch(/^\/werkgever\/plaatsen\/[0-9a-f-]{36}$/)
    const editPath = p.path
    const id = editPath.split('/').at(-1)!
    expect(await p.page.getByRole('status').first().textContent()).toContain('De plaats is gepubliceerd.')
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(title)
    expect(await main(p).getByRole('heading', { level: 2, name: 'Status: Gepubliceerd' }).count()).toBe(1)
    const cost = main(p).getByRole('region', { name: 'Wat deze plaats u kost' })
    expect(await cost.locator('caption').textContent()).toContain('geschat bij 19,5 uur per week')
    expect(await cost.getByRole('rowheader', { name: 'TWE met artikel 60§7-contract' }).count()).toBe(1)
    expect(await main(p).getByRole('region', { name: 'Geschiedenis' }).textContent()).toContain('Ontwerp → Gepubliceerd')

    // The public side, without logging in: the list of its region, and its page with JSON-LD.
    await logout(p)
    await p.visit('/plaatsen')
    await main(p).getByLabel('Regio', { exact: true }).selectOption('REFREG13')
    await p.follow(main(p).getByRole('button', { name: 'Zoeken' }))
    expect(p.path).toBe('/plaatsen?regio=REFREG13&beroep=')
    expect(await main(p).getByLabel('Regio', { exact: true }).locator('option:checked').textContent()).toMatch(/^Regio Gent \(\d+\)$/)
    await p.follow(main(p).getByRole('link', { name: title }))
    expect(p.path).toBe(`/plaatsen/${id}`)
    expect(await main(p).textContent()).toContain('Interesse? Vraag uw trajectbegeleider of bemiddelaar om u voor te stellen.')
    const html = await p.page.content()
    expect(html).not.toContain('@demo.stapsteen.be')
    const posting = JSON.parse((await p.page.locator('script[type="application/ld+json"]').textContent()) ?? '') as JobPosting
    expect(posting['@type']).toBe('JobPosting')
    expect(posting.title).toBe(title)
    expect(posting.occupationalCategory).toMatchObject({ url: BAKER, codeValue: '7512.1' })
    expect(posting.totalJobOpenings).toBe(2)
    expect(posting.workHours).toBe('19,5 uur per week, overdag')
    expect(posting.jobLocation.address).toMatchObject({ addressLocality: 'Gent', postalCode: '9000', addressCountry: 'BE' })
    expect(posting.validThrough).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(new Date(posting.validThrough).getTime()).toBeGreaterThan(Date.now())
    expect(Object.keys(posting.hiringOrganization)).toEqual(['@type', 'name'])

    // Paused: gone from the public list and page.
    await loginAs(p, 'employer')
    await p.visit(editPath)
    await p.submit(main(p).getByRole('button', { name: 'Pauzeren' }))
    expect(await main(p).getByRole('heading', { level: 2, name: 'Status: Gepauzeerd' }).count()).toBe(1)
    await p.visit('/plaatsen?regio=REFREG13')
    expect(await main(p).getByRole('link', { name: title }).count()).toBe(0)
    expect((await p.visit(`/plaatsen/${id}`)).status()).toBe(404)
  })
})
