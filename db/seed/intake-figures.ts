import { inArray } from 'drizzle-orm'
import { addWorkingDays, brusselsDate } from '#domain/intake-working-days'
import { periodContaining } from '#domain/statistics-period'
import { defaultTriageSettings, type Destination, suggestDestination, type TriageIntake } from '#domain/triage-rules'
import type { Tx } from '#db/client'
import { intakeReferrals, organisations } from '#db/schema'
import { createIntake } from './factories'

/**
 * Demo intakes behind the figures of "Aanmeldingen en triage" (issue 14): Regio Gent's admin sees a first contact,
 * where intakes ended up, warm hand-overs (one accepted, one declined), an intake without a receiver and one the
 * resident withdrew, all in the running quarter. The triage demo (intake-triage.ts) has only fresh intakes. Every
 * moment lies between the quarter's first day (or a week ago, if later) and now, so the seed lands in the running
 * quarter whenever it runs; updated_at stays in that past, so the hand-over the e2e walks through lists first.
 * Names are invented. No erasure proof: it has no demo mark, so `npm run demo:remove` could not take it away.
 */
export async function seedDemoIntakeFigures(tx: Tx) {
  const orgs = await tx
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, ['ocmw-gent', 'vdab-regio-gent', 'ocmw-44088']))
  const id = (slug: string) => orgs.find((o) => o.slug === slug)!.id
  const [ocmw, vdab] = [id('ocmw-gent'), id('vdab-regio-gent')]
  const now = Date.now()
  const start = Math.min(now, Math.max(Date.parse(`${periodContaining('kwartaal', brusselsDate()).from}T00:00:00Z`), now - 7 * 86_400_000))
  const moment = (fraction: number) => new Date(start + (now - start) * fraction)
  const submitted = moment(0)
  const base = {
    demo: true,
    municipalityNis: '44021',
    postcode: '9000',
    ocmwOrganisationId: ocmw,
    vdabOrganisationId: vdab,
    createdAt: submitted,
    firstContactDueOn: addWorkingDays(brusselsDate(submitted), 5),
  }
  // Answers that lead to each destination, and the rules' own reasons for them: a demo reason never contradicts
  // the intake it stands on (issue 16, point 8).
  const answers = {
    ocmw: { wantsWork: 'maybe', barriers: ['debts', 'housing'] },
    vdab: { wantsWork: 'yes', barriers: [] },
    joint: { wantsWork: 'maybe', barriers: ['childcare', 'transport', 'foreign_diploma'] },
  } satisfies Record<Destination, Pick<TriageIntake, 'wantsWork' | 'barriers'>>
  const suggestion = (destination: Destination) => {
    const { reasons } = suggestDestination({ birthYear: 1990, inEducation: false, ...answers[destination] }, defaultTriageSettings)
    return { ...answers[destination], birthYear: 1990, inEducation: false, suggestedDestination: destination, suggestionReasons: reasons }
  }
  const contacted = (fraction: number, handlingOrganisationId: string) => ({
    firstContactAt: moment(fraction),
    handlingOrganisationId,
    updatedAt: moment(fraction + 0.1),
  })

  await createIntake(tx, { ...base, ...contacted(0.1, ocmw), firstName: 'Bram', lastName: 'Desmet', ...suggestion('ocmw'), status: 'in_contact' })
  const handedOver = await createIntake(tx, { ...base, ...contacted(0.2, vdab), firstName: 'Fatima', lastName: 'Benali', ...suggestion('joint'), status: 'accepted' })
  const sentBack = await createIntake(tx, { ...base, ...contacted(0.4, ocmw), firstName: 'Lucas', lastName: 'Van Acker', ...suggestion('vdab'), status: 'in_contact' })
  await createIntake(tx, {
    ...base,
    ...contacted(0.3, vdab),
    firstName: 'Ines',
    lastName: 'Claeys',
    ...suggestion('vdab'),
    status: 'closed',
    closeReason: 'trajectory_started',
  })
  await createIntake(tx, {
    ...base,
    ...contacted(0.5, ocmw),
    firstName: 'Koen',
    lastName: 'Martens',
    ...suggestion('ocmw'),
    status: 'closed',
    closeReason: 'no_longer_interested',
  })
  // Merelbeke-Melle's OCMW has no staff and the resident did not consent to sharing: nobody's queue.
  await createIntake(tx, {
    ...base,
    municipalityNis: '44088',
    postcode: '9090',
    ocmwOrganisationId: id('ocmw-44088'),
    vdabOrganisationId: null,
    consentSharing: false,
    firstName: 'Noor',
    lastName: 'Aerts',
    ...suggestion('ocmw'),
    updatedAt: submitted,
  })
  await tx.insert(intakeReferrals).values([
    { intakeId: handedOver.id, fromOrganisationId: ocmw, toOrganisationId: vdab, status: 'accepted', createdAt: moment(0.25), decidedAt: moment(0.28) },
    { intakeId: sentBack.id, fromOrganisationId: ocmw, toOrganisationId: vdab, status: 'declined', declineReason: 'Eerst de schulden op orde.', createdAt: moment(0.45), decidedAt: moment(0.48) },
  ])
}
