import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as privacyLoader } from '#app/routes/aanmelden+/privacy'
import { loader as statusLoader } from '#app/routes/aanmelden+/status.$token'
import { dataFlows } from '#app/features/privacy/data-flows.server'
import { db } from '#db/client'
import { intakes, organisations } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { confirmation, fillIn, IntakeBrowser, submit } from './intake-browser'

/**
 * Whom a resident asks about their data: the data protection officer of the organisation handling the file, on
 * the status page; on the privacy notice, the DPO of the OCMW the form in progress would go to.
 */
let ocmw: Awaited<ReturnType<typeof createOrganisation>>
let vdab: Awaited<ReturnType<typeof createOrganisation>>

// With triage workers, so the form routes Gent's intakes to them rather than to the reference organisations.
beforeAll(async () => {
  ocmw = await createOrganisation(db(), { type: 'ocmw', name: 'OCMW Gent (privacy)', municipalities: ['44021'], dpoEmail: 'dpo@ocmw-gent.example.test' })
  vdab = await createOrganisation(db(), { type: 'vdab', name: 'VDAB Gent (privacy)', regions: ['REFREG13'] })
  for (const organisation of [ocmw, vdab]) await createUser(db(), { role: 'triage_worker', organisationId: organisation.id })
})

type Texts = { privacyContact: string; dpoEmail: string | null }

async function statusPage(language: string) {
  const browser = new IntakeBrowser()
  const key = await fillIn(browser, language)
  await submit(browser, key, language)
  const { statusPath } = await confirmation(browser, language)
  const token = statusPath.split('/')[3]!.split('?')[0]!
  const [intake] = await db().select().from(intakes).where(eq(intakes.submissionKey, key))
  const texts = async () => {
    const response = await new IntakeBrowser().get(statusLoader, statusPath, { token })
    expect(response.status).toBe(200)
    return ((await response.json()) as { texts: Texts }).texts
  }
  return { intake: intake!, texts }
}

describe('the status page', () => {
  it('names the DPO of the organisation that handles the file, in the resident’s language', async () => {
    const dutch = await statusPage('nl')
    expect(await dutch.texts()).toMatchObject({
      privacyContact: 'Mail de functionaris voor gegevensbescherming van OCMW Gent (privacy). Geef dan uw referentienummer.',
      dpoEmail: 'dpo@ocmw-gent.example.test',
    })

    const french = await statusPage('fr')
    expect(await french.texts()).toMatchObject({
      privacyContact: 'Écrivez au délégué à la protection des données de OCMW Gent (privacy). Donnez alors votre numéro de référence.',
      dpoEmail: 'dpo@ocmw-gent.example.test',
    })

    // Once VDAB handles the file, its DPO is the one to ask; without an address, the general sentence.
    await db().update(intakes).set({ handlingOrganisationId: vdab.id }).where(eq(intakes.id, french.intake.id))
    expect(await french.texts()).toEqual(
      expect.objectContaining({
        privacyContact: expect.stringMatching(/^Posez votre question à l'OCMW ou au VDAB qui vous contacte, ou au délégué à la protection des données de l'OCMW de votre commune/),
        dpoEmail: null,
      }),
    )
    await db().update(organisations).set({ dpoEmail: 'privacy@vdab.example.test' }).where(eq(organisations.id, vdab.id))
    expect(await french.texts()).toMatchObject({
      privacyContact: 'Écrivez au délégué à la protection des données de VDAB Gent (privacy). Donnez alors votre numéro de référence.',
      dpoEmail: 'privacy@vdab.example.test',
    })
    await db().update(organisations).set({ dpoEmail: null }).where(eq(organisations.id, vdab.id))
  })
})

describe('the privacy notice', () => {
  // The register of data flows (docs/data-flows.yaml) as codes; the page translates them (tests/unit/data-flow-list.test.tsx).
  const register = dataFlows().flows.map(({ id, legalBasis, categories, recipients, retention }) => ({ id, legalBasis, categories, recipients, retention }))
  const notice = async (browser: IntakeBrowser, language: string) => {
    const response = await browser.get(privacyLoader, `/aanmelden/privacy?lng=${language}`)
    expect(response.status).toBe(200)
    return response.json() as Promise<Record<string, unknown>>
  }

  it('keeps the general sentence without a form in progress', async () => {
    expect(await notice(new IntakeBrowser(), 'nl')).toEqual({
      title: 'Hoe gaan we om met uw gegevens?',
      contact: { text: expect.stringMatching(/^Stel uw vraag aan het OCMW of VDAB dat contact met u opneemt, of aan de functionaris/), email: null },
      flows: register,
      months: { intake: 12, 'client-records': 24 },
    })
  })

  it('names the DPO of the OCMW the form in progress would go to, and nothing else about it', async () => {
    const browser = new IntakeBrowser()
    await fillIn(browser, 'en')
    expect(await notice(browser, 'en')).toEqual({
      title: 'How do we handle your information?',
      contact: {
        text: 'Ask your question to the OCMW or VDAB that contacts you, or email the data protection officer of OCMW Gent (privacy). Give your reference number when you do.',
        email: 'dpo@ocmw-gent.example.test',
      },
      flows: register,
      months: { intake: 12, 'client-records': 24 },
    })
  })
})
