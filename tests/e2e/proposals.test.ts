import { describe, expect, test } from 'vitest'
import { describedBy, loginAs, logout, main, modes, useE2E } from './fixtures'
import { acceptProposal, definition, expectOnePlaceFilled, restorePlaces, waitingProposals } from './journeys'

const e2e = useE2E()

// The demo client J.D. of OCMW Gent (db/seed/clients.ts: no first name, aims at bakkerijmedewerker) and the
// demo placement of Bakkerij Van Damme (werkgever@demo.stapsteen.be) that fits that jobdoelwit.
const CLIENT = 'J.D.'
const PLACEMENT = 'Hulp in de bakkerij'

describe.each(modes)('proposals, $mode', ({ javaScript }) => {
  test('a caseworker proposes a client, the employer sees only what is shared and accepts; a place is filled', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'caseworkerOcmw')
    await p.visit('/begeleider/clienten')
    await p.follow(main(p).getByRole('link', { name: CLIENT, exact: true }))
    const clientPath = p.path
    await p.follow(main(p).getByRole('link', { name: 'Zoek passende plaatsen' }))
    await p.follow(main(p).getByRole('link', { name: `Voorstellen voor ${PLACEMENT}` }))
    expect(p.path).toMatch(new RegExp(`^${clientPath}/voorstellen/nieuw\\?plaats=[0-9a-f-]{36}$`))
    const placementId = new URL(p.page.url()).searchParams.get('plaats')!
    const placesBefore = Number(await definition(p, 'Vrije plaatsen').textContent())
    expect(placesBefore).toBeGreaterThanOrEqual(1)

    // J.D. has no first name in the record: nothing to tick for it.
    const form = main(p).locator('form[method="post"]')
    expect(await form.getByLabel('voornaam', { exact: true }).count()).toBe(0)
    expect(await main(p).textContent()).toContain('Niet in het dossier, dus niet te delen: voornaam.')
    await form.getByLabel('competenties', { exact: true }).check()
    await form.getByLabel('Nederlands niveau', { exact: true }).check()
    await form.getByLabel('Bericht aan de werkgever (niet verplicht)').fill('Kan volgende week komen kennismaken.')

    // One mistake: no consent. With JavaScript the form stops it; without, the server answers 400.
    const send = form.getByRole('button', { name: 'Voorstel versturen' })
    if (javaScript) await send.click()
    else expect((await p.submit(send)).status()).toBe(400)
    const consent = form.getByRole('checkbox', { name: /^De cliënt gaat akkoord met dit voorstel/ })
    await expect.poll(() => describedBy(consent)).toContain('Vink aan dat de cliënt akkoord gaat.')
    expect(await form.getByLabel('competenties', { exact: true }).isChecked()).toBe(true)
    await consent.check()
    await p.submit(send)
    expect(p.path).toBe(`${clientPath}/voorstellen`)
    expect(await p.page.getByRole('status').first().textContent()).toContain('Het voorstel is verstuurd naar Bakkerij Van Damme bv.')
    const open = main(p).getByRole('region', { name: 'Openstaand' }).getByRole('article', { name: PLACEMENT })
    expect(await open.count()).toBe(1)
    expect(await open.textContent()).toContain('Status: Openstaand')

    await logout(p)
    await loginAs(p, 'employer')
    await p.visit('/werkgever/voorstellen')
    const waiting = waitingProposals(p, PLACEMENT)
    expect(await waiting.count()).toBe(1)
    expect(await waiting.textContent()).toContain('OCMW Gent')
    await p.follow(waiting.getByRole('link', { name: 'Kandidaat (naam niet gedeeld)' }))
    expect(await definition(p, 'Voornaam').textContent()).toBe('Niet gedeeld')
    expect(await definition(p, 'Competenties').textContent()).toContain('Instructies opvolgen')
    expect(await definition(p, 'Nederlands').textContent()).toBe('A2 – eenvoudige gesprekken')
    expect(await definition(p, 'Beschikbaarheid').textContent()).toBe('Niet gedeeld')
    expect(await main(p).textContent()).toContain('Kan volgende week komen kennismaken.')
    expect(await main(p).textContent()).not.toContain(CLIENT)

    await acceptProposal(p)
    await expectOnePlaceFilled(p, placementId, placesBefore)
    // Give the place back, so the demo placement stays as the other tests know it.
    if (placesBefore > 1) await restorePlaces(p, placesBefore)
  })
})
