import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { loginAs, logout, main, modes, useE2E } from './fixtures'
import { acceptProposal, definition, expectOnePlaceFilled, matchResult, pickOccupation, restorePlaces, waitingProposals } from './journeys'
import { employerAnswersWorkFloor, expectExport, recordEvaluation, recordRefusedTraining, rotateToSecondWorkplace, writeNotes } from './trajectory-steps'

const e2e = useE2E()

// The demo placement of Bakkerij Van Damme (werkgever@demo.stapsteen.be) in Gent with 2 places, for a
// bakkerijmedewerker at A2, 19 hours a week. Its other published placement is in Antwerp and asks B1 and 30
// hours: the client below may never see it.
const PLACEMENT = 'Hulp in de bakkerij'
const OUT_OF_REACH = 'Verkoper in onze bakkerswinkel'

/** Issue 4, "done when": the whole way from a new client to a filled place, as the caseworker and the employer go it. */
describe.each(modes)('caseworker journey, $mode', ({ javaScript }) => {
  test('a caseworker creates a client with two jobdoelwitten, finds fitting placements with reasons and proposes one; the employer accepts and the place count drops', async () => {
    const p = await e2e.newPage({ javaScript })
    const suffix = randomBytes(3).toString('hex')
    const name = `Reis ${javaScript ? 'met' : 'zonder'} JS ${suffix}`
    const firstName = `Mira ${suffix}`

    // The caseworker records the client: only what matching needs.
    await loginAs(p, 'caseworkerOcmw')
    await p.visit('/begeleider/clienten')
    await p.follow(main(p).getByRole('link', { name: 'Nieuwe cliënt' }))
    const form = main(p).locator('form[method="post"]')
    await form.getByLabel('Naam of initialen').fill(name)
    await form.getByLabel('Voornaam (niet verplicht)').fill(firstName)
    await form.getByLabel('Woonplaats').fill('9000')
    await form.getByLabel('Maximale afstand (km)').fill('25')
    await pickOccupation(p, form, 'Jobdoelwit 1 (het belangrijkste)', 'bakkerij', 'bakkerijmedewerker')
    const add = form.getByRole('button', { name: 'Nog een jobdoelwit toevoegen' })
    if (javaScript) await add.click()
    else expect((await p.submit(add)).status()).toBe(200)
    await pickOccupation(p, form, 'Jobdoelwit 2', 'keukenhulp', 'keukenhulp')
    await form.getByLabel('Op tijd komen').check()
    await form.getByLabel('A2 – eenvoudige gesprekken').check()
    await form.getByLabel('Uren per week beschikbaar').fill('25')
    await p.submit(form.getByRole('button', { name: 'Cliënt opslaan', exact: true }))
    expect(p.path).toMatch(/^\/begeleider\/clienten\/[0-9a-f-]{36}$/)
    const clientPath = p.path
    expect(await p.page.getByRole('status').first().textContent()).toContain('De cliënt is opgeslagen.')
    expect(await main(p).locator('dd ol li').allTextContents()).toEqual(['bakkerijmedewerker', 'keukenhulp'])

    // One click: the placements that fit either jobdoelwit, each with why; nothing beyond the hard constraints.
    await p.follow(main(p).getByRole('link', { name: 'Zoek passende plaatsen' }))
    expect(p.path).toBe(`${clientPath}/passend`)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(`Passende plaatsen voor ${name}`)
    // The confirmation was said once, on the page it came with: a plain link click does not bring it back (issue 16).
    expect(await p.page.getByText('De cliënt is opgeslagen.').count()).toBe(0)
    const bakery = matchResult(p, PLACEMENT)
    expect(await bakery.getByTestId('match-reasons').textContent()).toMatch(/zelfde beroep: bakkerijmedewerker.*op \d+(,\d)? km/)
    expect(await matchResult(p, 'Keukenhulp in het woonzorgcentrum').getByTestId('match-reasons').textContent()).toContain('zelfde beroep: keukenhulp')
    expect(await matchResult(p, OUT_OF_REACH).count()).toBe(0)
    // The map numbers the placements as the list does, around the client's home: each number once, placements at
    // one point together as one marker ("3×" and "1–3", issue 16).
    const map = main(p).getByRole('img', { name: /^Kaart van de passende plaatsen rond / })
    const listed = await main(p).locator('ol > li > article').count()
    expect(listed).toBeGreaterThanOrEqual(2)
    const texts = await map.locator('g > text').allTextContents()
    const numbers = texts.filter((t) => !t.endsWith('×')).flatMap((t) => t.split(', ')).flatMap((part) => {
      const [from, to = from] = part.split('–').map(Number)
      return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i)
    })
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: listed }, (_, i) => i + 1))
    const counted = texts.filter((t) => t.endsWith('×')).reduce((sum, t) => sum + Number(t.slice(0, -1)), 0)
    expect(counted + texts.filter((t) => /^\d+$/.test(t)).length).toBe(listed)
    const placesBefore = Number(await definition(bakery, 'Open plaatsen').textContent())
    expect(placesBefore).toBeGreaterThanOrEqual(2)

    await p.follow(bakery.getByRole('link', { name: `Voorstellen voor ${PLACEMENT}` }))
    expect(p.path).toMatch(new RegExp(`^${clientPath}/voorstellen/nieuw\\?plaats=[0-9a-f-]{36}$`))
    const placementId = new URL(p.page.url()).searchParams.get('plaats')!
    expect(Number(await definition(p, 'Vrije plaatsen').textContent())).toBe(placesBefore)
    const proposal = main(p).locator('form[method="post"]')
    for (const shared of ['voornaam', 'competenties', 'Nederlands niveau', 'beschikbaarheid']) {
      await proposal.getByLabel(shared, { exact: true }).check()
    }
    await proposal.getByRole('checkbox', { name: /^De cliënt gaat akkoord met dit voorstel/ }).check()
    await p.submit(proposal.getByRole('button', { name: 'Voorstel versturen' }))
    expect(p.path).toBe(`${clientPath}/voorstellen`)
    expect(await p.page.getByRole('status').first().textContent()).toContain('Het voorstel is verstuurd naar Bakkerij Van Damme bv.')
    expect(await main(p).getByRole('region', { name: 'Openstaand' }).getByRole('article', { name: PLACEMENT }).textContent()).toContain(
      'Status: Openstaand',
    )

    // The employer sees what the client agreed to share, never the name in the record, and accepts.
    await logout(p)
    await loginAs(p, 'employer')
    await p.visit('/werkgever/voorstellen')
    await p.follow(waitingProposals(p, PLACEMENT).getByRole('link', { name: firstName, exact: true }))
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(`Kandidaat voor ${PLACEMENT}`)
    expect(await definition(p, 'Voornaam').textContent()).toBe(firstName)
    expect(await definition(p, 'Competenties').textContent()).toContain('Op tijd komen')
    expect(await definition(p, 'Nederlands').textContent()).toBe('A2 – eenvoudige gesprekken')
    expect(await definition(p, 'Beschikbaarheid').textContent()).toBe('Tot 25 uur per week')
    expect(await main(p).textContent()).not.toContain(name)
    await acceptProposal(p)

    // One place fewer on the employer's placement page and on the public page.
    await expectOnePlaceFilled(p, placementId, placesBefore)
    await p.visit(`/plaatsen/${placementId}`)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(PLACEMENT)
    expect(await definition(p, 'Plaatsen').textContent()).toBe(String(placesBefore - 1))

    // Give the place back: the other e2e tests (proposals.test.ts) count on the demo placement as seeded.
    await p.visit(`/werkgever/plaatsen/${placementId}`)
    await restorePlaces(p, placesBefore)
    await p.visit(`/plaatsen/${placementId}`)
    expect(await definition(p, 'Plaatsen').textContent()).toBe(String(placesBefore))

    // Issue 13: the caseworker starts the TWE-art60 trajectory at the accepted placement and writes the POP.
    await logout(p)
    await loginAs(p, 'caseworkerOcmw')
    await p.visit(clientPath)
    await p.follow(main(p).getByRole('link', { name: 'TWE-traject' }))
    const start = main(p).locator('form[method="post"]')
    await start.getByLabel('TWE – artikel 60§7').check()
    await start.getByLabel('Waarom stapt de persoon in TWE?').fill('Wil bakker worden en heeft werkervaring in een echte bakkerij nodig.')
    await start.getByLabel('Instapcriteria beoordeeld op (alleen TWE-art60)').fill('2026-11-02')
    await start.getByLabel('Startdatum').fill('2026-11-03')
    await start.getByLabel(`${PLACEMENT} bij Bakkerij Van Damme bv`).check()
    await p.submit(start.getByRole('button', { name: 'Traject starten' }))
    expect(p.path).toBe(`${clientPath}/traject`)
    expect(await p.page.getByRole('status').first().textContent()).toContain('Het traject is gestart.')
    expect(await main(p).getByRole('region', { name: 'Werkplekken' }).textContent()).toContain(`${PLACEMENT} bij Bakkerij Van Damme bv — vanaf 3 november 2026`)
    await p.follow(main(p).getByRole('link', { name: 'POP schrijven' }))
    const pop = main(p).locator('form[method="post"]')
    await pop.getByLabel('Competenties om te ontwikkelen').fill('Op tijd komen\nDeeg kneden')
    await pop.getByLabel('Acties').fill('Twee weken meelopen met de bakker.')
    await pop.getByLabel('Afspraken').fill('Elke vrijdag een kort gesprek.')
    await p.submit(pop.getByRole('button', { name: 'POP versie 1 bewaren' }))
    expect(p.path).toBe(`${clientPath}/traject`)
    const plan = main(p).getByRole('region', { name: 'Persoonlijk ontwikkelingsplan (POP)' })
    expect(await plan.getByRole('listitem').allTextContents()).toEqual(['Op tijd komen', 'Deeg kneden'])
    expect(await plan.getByRole('link', { name: 'POP bijwerken (versie 2)' }).count()).toBe(1)

    // The employer fills in the work-floor form, the begeleider records the evaluation (POP version 2), and the
    // person moves on to a second workplace; a training request is refused, with the reason.
    await employerAnswersWorkFloor(p, `${clientPath}/traject`, firstName)
    await recordEvaluation(p, `${clientPath}/traject`)
    await rotateToSecondWorkplace(p, `${clientPath}/traject`, '2026-12-01')
    await recordRefusedTraining(p, `${clientPath}/traject`)
    const secret = `Vertrouwelijk ${suffix}: schulden bij de huisbaas`
    const shared = `Gedeeld ${suffix}: wil graag ’s ochtends werken`
    await writeNotes(p, `${clientPath}/traject`, secret, shared)

    // The trajectory stops (work found) with a motivated final report in ICF terms, shown on the overview.
    await p.follow(main(p).getByRole('link', { name: 'Traject stopzetten of beëindigen, met eindverslag' }))
    const close = main(p).locator('form[method="post"]')
    await close.getByRole('radio', { name: 'Stopzetten' }).check()
    await close.getByLabel('Reden van stopzetten (alleen bij stopzetten)').selectOption('job_found')
    await close.getByRole('group', { name: 'Deeg kneden' }).getByLabel('Bereikt').check()
    await close.getByRole('group', { name: 'Klanten bedienen' }).getByLabel('Groeiend').check()
    await close.getByLabel('d230 Uitvoeren van de dagelijkse routine').selectOption('1')
    await close.getByRole('radio', { name: 'Job in het NEC' }).check()
    await close.getByLabel('Aanbeveling').fill('Nazorg bij de eerste werkgever na de overstap.')
    await p.submit(close.getByRole('button', { name: 'Traject afsluiten met dit eindverslag' }))
    expect(p.path).toBe(`${clientPath}/traject`)
    const report = main(p).getByRole('region', { name: 'Eindverslag' })
    expect(await report.textContent()).toContain('Uitkomst: Job in het NEC.')
    expect(await report.getByRole('row').nth(1).textContent()).toBe('d230Uitvoeren van de dagelijkse routine1 – Licht probleem')

    // The whole trajectory goes to VDAB's client file as JSON, valid against its schema, without the confidential note.
    const exported = await expectExport(p, `${clientPath}/traject`, secret, shared)
    expect(exported).toMatchObject({ kind: 'twe_art60', status: 'stopped', stopReason: 'job_found' })
    expect((exported['popVersions'] as unknown[]).length).toBe(2)
    expect((exported['phases'] as unknown[]).length).toBe(2)
    expect(exported['trainings']).toEqual([expect.objectContaining({ outcome: 'refused', refusalReason: 'dutch_level_too_low' })])
    expect((exported['workFloorEvaluations'] as unknown[]).length).toBe(1)
  }, 300_000)
})
