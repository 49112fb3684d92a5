import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { fillIn, readConfirmation, Resident, sendSummary } from '#scripts/intake-load/resident'
import { type E2EPage, header, logout, main, modes, submitLogin, useE2E } from './fixtures'
import { type PublicPortal, startPublicPortal } from './public-portal'

/**
 * Issue 10, "go live": a portal started as a real deployment (PUBLIC_URL=https://stapsteen.example, SEED_DEMO=false)
 * has no demo; the first administrator comes from `user:create`, finds OCMW Gent among the 285 OCMWs, gives it a
 * contact address and invites a coordinator, who invites a triage worker, who signs in and sees Gent's intakes.
 */
const e2e = useE2E()

const demoBand = (p: E2EPage, name: string) => p.page.getByRole('complementary', { name, exact: true })

describe('the demo portal', () => {
  test('says "Demo-omgeving" on every page, on the intake form in the resident’s language', async () => {
    const p = await e2e.newPage({ javaScript: false })
    await p.visit('/')
    expect(await demoBand(p, 'Demo-omgeving').textContent()).toContain('Alle namen en gegevens hier zijn verzonnen.')
    await p.visit('/aanmelden?lng=ar')
    expect(await demoBand(p, 'بيئة تجريبية').textContent()).toContain('كل الأسماء والبيانات هنا مُختلَقة.')
  })
})

let portal: PublicPortal
let intakeReference: string

beforeAll(async () => {
  portal = await startPublicPortal()
  // One resident of Gent registers before anybody works there: the intake waits at the reference OCMW Gent.
  const resident = new Resident('198.51.100.7', { base: portal.base, patience: 0 })
  await sendSummary(resident, await fillIn(resident, 'Golive'))
  intakeReference = (await readConfirmation(resident)).reference
}, 120_000)

afterAll(async () => {
  await portal?.stop()
})

/** Follows a set-password link from a mail and chooses a password; ends on the login page. */
async function choosePassword(p: E2EPage, link: string, password: string) {
  await p.visit(portal.local(link))
  expect(await main(p).getByRole('heading', { level: 1 }).textContent()).toBe('Kies een wachtwoord')
  const form = main(p).locator('form')
  await form.getByLabel('Wachtwoord', { exact: true }).fill(password)
  await form.getByLabel('Herhaal het wachtwoord').fill(password)
  await p.submit(form.getByRole('button', { name: 'Wachtwoord opslaan' }))
  expect(p.path).toBe('/inloggen')
}

async function signIn(p: E2EPage, email: string, password: string, home: string) {
  await p.visit(`${portal.base}/inloggen`)
  await submitLogin(p, email, password)
  expect(p.path).toBe(home)
}

/** The set-password link in the newest invitation mail to `email`, as the mail provider got it. */
async function invitationLink(email: string) {
  const mail = await portal.mailTo(email, 'Uw account op Stapsteen voor OCMW Gent')
  const [link = ''] = mail.text.match(/https:\/\/stapsteen\.example\/wachtwoord-nieuw\?token=[\w-]+/g) ?? []
  expect(link).toMatch(/^https:\/\/stapsteen\.example\/wachtwoord-nieuw\?token=[\w-]{40,}$/)
  expect(mail.html).toContain(link)
  return link
}

const nav = (p: E2EPage, name: string) => p.page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true })

describe('a public portal set up from scratch', () => {
  test('holds no demo data', async () => {
    const removal = await portal.command('cli/demo-remove.ts', [])
    expect(removal.stdout).toBe('There is no demo data in this database.\n')
    const p = await e2e.newPage({ javaScript: false })
    await p.visit(`${portal.base}/`)
    expect(await p.page.getByRole('complementary').count()).toBe(0)
  })

  describe.each(modes)('$mode', ({ javaScript }) => {
    const tag = javaScript ? 'js' : 'nojs'
    // Passwords without the person's name in them (nor the tag, part of each name): the password policy refuses those.
    const admin = { email: `beheer-${tag}@stapsteen.example`, password: 'een lange zin voor wie alles beheert' }
    const coordinator = { email: `coordinator-${tag}@gent.example`, name: `Coördinator ${tag}`, password: 'een lange zin voor wie het team leidt' }
    const triage = { email: `triage-${tag}@gent.example`, name: `Triagist ${tag}`, password: 'een lange zin voor wie aanmeldingen sorteert' }

    test('the first admin sets up OCMW Gent, a coordinator invites a triage worker, who sees Gent’s intakes', async () => {
      const created = await portal.command('cli/user-create.ts', [admin.email, '--role', 'platform_admin', '--name', `Beheerder ${tag}`])
      expect(created.code, created.stderr).toBe(0)
      const adminLink = /^https:\/\/stapsteen\.example\/wachtwoord-nieuw\?token=\S+$/m.exec(created.stdout)?.[0] ?? ''
      const p = await e2e.newPage({ javaScript })
      await choosePassword(p, adminLink, admin.password)
      await signIn(p, admin.email, admin.password, '/admin')
      // A public portal has no dev outbox: not in the menu, and not there for its platform admin either.
      expect(await nav(p, 'Dev-outbox').count()).toBe(0)
      expect((await p.visit(`${portal.base}/dev/outbox`)).status()).toBe(404)
      await p.visit(`${portal.base}/admin`)

      // OCMW Gent among the 285 OCMWs, then its contact address. The filters are GET forms: they navigate.
      await p.follow(nav(p, 'Organisaties'))
      const filter = main(p).getByRole('form', { name: 'Filteren' })
      await filter.getByLabel('Soort').selectOption({ label: 'OCMW' })
      await p.follow(filter.getByRole('button', { name: 'Toon organisaties' }))
      expect(await main(p).getByRole('heading', { level: 2, name: /^285 organisaties/ }).count()).toBe(1)
      await main(p).getByRole('form', { name: 'Filteren' }).getByLabel('Naam of slug bevat').fill('Gent')
      await p.follow(main(p).getByRole('form', { name: 'Filteren' }).getByRole('button', { name: 'Toon organisaties' }))
      await p.follow(main(p).getByRole('link', { name: 'OCMW Gent', exact: true }))
      await main(p).getByLabel('Contactadres van het triageteam (optioneel)').fill(`triage-${tag}@gent.example`)
      await p.submit(main(p).getByRole('button', { name: 'Gegevens bewaren' }))
      expect(await p.page.getByRole('status').first().textContent()).toContain('OCMW Gent')
      expect(await main(p).getByLabel('Contactadres van het triageteam (optioneel)').inputValue()).toBe(`triage-${tag}@gent.example`)

      // A coordinator for OCMW Gent.
      await p.follow(main(p).getByRole('link', { name: 'Medewerkers beheren' }))
      await p.follow(main(p).getByRole('link', { name: 'Iemand uitnodigen' }))
      const search = main(p).getByRole('form', { name: 'Organisatie zoeken' })
      await search.getByLabel('Naam van de organisatie').fill('OCMW Gent')
      await p.follow(search.getByRole('button', { name: 'Zoeken' }))
      const invite = main(p).locator('form[method="post"]')
      await invite.getByLabel('E-mailadres').fill(coordinator.email)
      await invite.getByLabel('Naam').fill(coordinator.name)
      await invite.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'OCMW Gent (OCMW)' })
      await invite.getByLabel('Rol').selectOption({ label: 'Triagemedewerker' })
      await invite.getByLabel('Coördinator').check()
      await p.submit(invite.getByRole('button', { name: 'Uitnodiging versturen' }))
      expect(await p.page.getByRole('status').first().textContent()).toContain(`${coordinator.name} krijgt een e-mail met een link om een wachtwoord te kiezen.`)
      await logout(p)

      // The coordinator chooses a password and invites a triage worker of their own OCMW.
      await choosePassword(p, await invitationLink(coordinator.email), coordinator.password)
      await signIn(p, coordinator.email, coordinator.password, '/triage')
      await expect.poll(() => header(p).textContent()).toContain(`Ingelogd als ${coordinator.name} (OCMW Gent)`)
      await p.follow(nav(p, 'Medewerkers'))
      await p.follow(main(p).getByRole('link', { name: 'Iemand uitnodigen' }))
      const own = main(p).locator('form[method="post"]')
      expect(await own.textContent()).toContain('Organisatie: OCMW Gent')
      await own.getByLabel('E-mailadres').fill(triage.email)
      await own.getByLabel('Naam').fill(triage.name)
      await own.getByLabel('Rol').selectOption({ label: 'Triagemedewerker' })
      await p.submit(own.getByRole('button', { name: 'Uitnodiging versturen' }))
      expect(await p.page.getByRole('status').first().textContent()).toContain(`${triage.name} krijgt een e-mail met een link om een wachtwoord te kiezen.`)
      await logout(p)

      // The triage worker signs in and finds the resident of Gent in the queue.
      await choosePassword(p, await invitationLink(triage.email), triage.password)
      await signIn(p, triage.email, triage.password, '/triage')
      expect(await main(p).getByRole('table').textContent()).toContain(intakeReference)
    })
  })
})
