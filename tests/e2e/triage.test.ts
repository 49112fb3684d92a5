import { randomBytes } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { DEMO_TRIAGE_INTAKES } from '#db/seed/intake-triage'
import { describedBy, type E2EPage, loginAs, logout, main, modes, useE2E } from './fixtures'

const e2e = useE2E()

/** The demo intakes' suggestions (db/seed/intake-triage.ts): one per mode, so the two runs never share a file. */
const suggestions = {
  withJavaScript: { destination: 'OCMW', reason: 'Welzijnsdrempel: heeft schulden; problemen met wonen' },
  withoutJavaScript: { destination: 'VDAB', reason: 'Wil nu werken; geen welzijnsdrempel aangeduid, wel: heeft geen vervoer' },
} as const

const queueRow = (p: E2EPage, name: string) =>
  main(p)
    .getByRole('row')
    .filter({ has: p.page.getByRole('link', { name, exact: true }) })
const toast = (p: E2EPage) => p.page.getByRole('status')

describe.each(modes)('the warm hand-over from OCMW to VDAB, $mode', ({ javaScript }) => {
  const demo = javaScript ? DEMO_TRIAGE_INTAKES.withJavaScript : DEMO_TRIAGE_INTAKES.withoutJavaScript
  const suggestion = javaScript ? suggestions.withJavaScript : suggestions.withoutJavaScript

  test('OCMW contacts, notes in confidence and refers; VDAB accepts; the resident sees VDAB; VDAB never sees the note', async () => {
    const run = randomBytes(4).toString('hex')
    const secret = `Vertrouwelijk: loopt in budgetbeheer bij het OCMW (${run})`
    const shared = `Bereikbaar na tien uur (${run})`
    const p = await e2e.newPage({ javaScript })

    // 1. The OCMW triage worker finds the intake in the queue, with its suggestion and the reasons.
    await loginAs(p, 'triageWorker')
    const row = queueRow(p, demo.name)
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toContain(suggestion.destination)
    expect(await row.textContent()).toContain(suggestion.reason)
    await p.follow(row.getByRole('link', { name: demo.name }))
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe(demo.name)
    expect(
      await main(p)
        .getByRole('heading', { name: `Suggestie: ${suggestion.destination}` })
        .count(),
    ).toBe(1)
    expect(await main(p).textContent()).toContain(suggestion.reason)
    const intakePath = p.path

    // 2. First contact, a confidential note and a shared one.
    await p.submit(main(p).getByRole('button', { name: 'Eerste contact registreren' }))
    expect(await toast(p).textContent()).toContain('Het eerste contact is geregistreerd.')
    expect(await main(p).textContent()).toContain('In contact')
    const addNote = async (body: string, confidential: boolean) => {
      await main(p).getByLabel('Nieuwe notitie').fill(body)
      const box = main(p).getByLabel('vertrouwelijk (alleen zichtbaar voor OCMW Gent)')
      if (confidential) await box.check()
      await p.submit(main(p).getByRole('button', { name: 'Notitie bewaren' }))
      const saved = main(p).getByRole('listitem').filter({ hasText: body })
      expect(await saved.count()).toBe(1)
      expect((await saved.textContent())?.includes('Vertrouwelijk: alleen zichtbaar voor OCMW Gent')).toBe(confidential)
      // The form starts afresh for the next note.
      expect(await main(p).getByLabel('Nieuwe notitie').inputValue()).toBe('')
      expect(await box.isChecked()).toBe(false)
    }
    await addNote(secret, true)
    await addNote(shared, false)

    // 3. The hand-over to VDAB.
    await main(p).getByLabel('Bericht voor VDAB').fill('Wil graag snel aan de slag.')
    await p.submit(main(p).getByRole('button', { name: 'Doorverwijzen naar VDAB' }))
    expect(await toast(p).textContent()).toContain('De aanmelding is doorverwezen naar VDAB-team Regio Gent.')
    expect(await main(p).textContent()).toContain('Doorverwezen')
    await logout(p)

    // 4. The VDAB triage worker sees it waiting in the queue, opens the dossier and accepts. Not a page shows the note.
    const vdabPages: string[] = []
    const seen = async () => vdabPages.push(await p.page.content())
    await loginAs(p, 'triageWorkerVdab')
    await seen()
    expect(await queueRow(p, demo.name).textContent()).toContain('wacht op jullie antwoord')
    await p.follow(queueRow(p, demo.name).getByRole('link', { name: demo.name }))
    await seen()
    expect(p.path).toBe(intakePath)
    expect(await main(p).getByRole('heading', { name: 'Doorverwijzing van OCMW Gent' }).count()).toBe(1)
    expect(await main(p).textContent()).toContain(shared)
    await p.submit(main(p).getByRole('button', { name: 'Doorverwijzing aanvaarden' }))
    await seen()
    expect(await toast(p).textContent()).toContain('VDAB-team Regio Gent behandelt de aanmelding nu.')
    expect(await main(p).textContent()).toContain('Aanvaard')
    await p.visit('/triage?status=all')
    await seen()
    const csv = await p.page.context().request.get(new URL('/triage/aanmeldingen.csv?status=all', p.page.url()).href)
    expect(csv.status()).toBe(200)
    const csvText = await csv.text()
    expect(csvText).toContain(demo.name.split(' ')[0])
    expect(csvText).toContain(shared)
    for (const html of [...vdabPages, csvText]) expect(html).not.toContain(secret)
    await logout(p)

    // 5. The OCMW follows the status only: who handles it now, no name, no answers, no notes.
    await loginAs(p, 'triageWorker')
    const followed = main(p).getByRole('region', { name: /Doorverwezen aanmeldingen/ })
    await p.follow(followed.getByRole('row').filter({ hasText: 'VDAB-team Regio Gent' }).getByRole('link').first())
    expect(p.path).toBe(intakePath)
    expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toMatch(/^Aanmelding STP-/)
    expect(await main(p).textContent()).toContain('Behandeld doorVDAB-team Regio Gent')
    expect(await main(p).textContent()).not.toContain(demo.name)
    expect(await main(p).textContent()).not.toContain(shared)
    // The demo's duplicate registrations, on the way back through the queue.
    await p.visit('/triage')
    await p.follow(queueRow(p, 'Jan Peeters').first().getByRole('link', { name: 'Jan Peeters' }))
    expect(await main(p).getByRole('heading', { name: 'Mogelijk dubbele aanmelding' }).count()).toBe(1)
    await logout(p)

    // 6. The resident's status page names VDAB.
    const resident = await e2e.newPage({ javaScript })
    await resident.visit(`/aanmelden/status/${demo.statusToken}?lng=nl`)
    expect(await main(resident).textContent()).toContain('VDAB-team Regio Gent volgt uw aanmelding op.')
    expect(await main(resident).textContent()).not.toContain(secret)
  })
})

describe.each(modes)('the triage settings of a region, $mode', ({ javaScript }) => {
  test('a regional admin gets a field-level message for an impossible value and saves valid settings', async () => {
    const p = await e2e.newPage({ javaScript })
    await loginAs(p, 'regionalAdmin')
    await p.visit('/admin/triage-instellingen')
    expect(await main(p).getByRole('heading', { level: 2 }).textContent()).toBe('Regio Gent')
    const days = main(p).getByLabel('Eerste contact binnen (werkdagen)')
    const original = await days.inputValue()
    const save = main(p).getByRole('button', { name: 'Instellingen voor Regio Gent bewaren' })
    await days.fill('31')
    if (javaScript) {
      await save.click()
      await expect.poll(() => describedBy(days)).toContain('Kies voor het aantal werkdagen hoogstens 30.')
      await p.expectAccessible()
    } else {
      expect((await p.submit(save)).status()).toBe(400)
      expect(await describedBy(days)).toContain('Kies voor het aantal werkdagen hoogstens 30.')
    }
    // Saved with the value it had: the other tests on this server keep the region's settings.
    await days.fill(original)
    await p.submit(save)
    expect(await p.page.getByRole('status').textContent()).toContain('De triage-instellingen van Regio Gent zijn bewaard.')
    expect(await main(p).getByLabel('Eerste contact binnen (werkdagen)').inputValue()).toBe(original)
  })
})
