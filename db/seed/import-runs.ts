import { eq, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { importRuns, organisations, users } from '#db/schema'

/**
 * Two large placement files the demo employer and the regional admin uploaded, which the import job finished by
 * rejecting them (a file of more than DIRECT_LIMIT records is imported in the background; a rejected one stores
 * nothing, so the demo's placements are as db/seed/placements.ts makes them). Only the uploader reaches a run's
 * progress page, at the address the upload redirected to; no page lists runs, so the ids are fixed and known here,
 * for a demo and for the page sweep (tests/e2e/page-sweep-plan.ts).
 */
export const DEMO_IMPORT_RUNS = {
  employer: 'de000000-0000-4000-8000-000000000001',
  regionalAdmin: 'de000000-0000-4000-8000-000000000002',
} as const

const threeDaysAgo = sql`now() - interval '3 days'`
const finished = sql`now() - interval '3 days' + interval '40 seconds'`

/** Called by seedDemoIfEmpty after the demo accounts exist. */
export async function seedDemoImportRuns(tx: Tx) {
  const runs = [
    {
      id: DEMO_IMPORT_RUNS.employer,
      email: 'werkgever@demo.stapsteen.be',
      fileName: 'vacatures-alle-filialen.csv',
      total: 236,
      errors: [
        { record: 58, field: 'location.postcode', reason: 'Postcode 9999 ligt niet in Vlaanderen of bestaat niet.' },
        { record: 171, field: 'hoursPerWeek', reason: 'Een plaats telt hoogstens 40 uur per week.' },
      ],
    },
    {
      id: DEMO_IMPORT_RUNS.regionalAdmin,
      email: 'regio.gent@demo.stapsteen.be',
      fileName: 'werkervaringsplaatsen-regio-gent.json',
      total: 412,
      errors: [{ record: 12, field: 'employer.enterpriseNumber', reason: 'Dit ondernemingsnummer klopt niet (de controlecijfers passen niet). Kijk het na in de KBO.' }],
    },
  ]
  for (const { id, email, fileName, total, errors } of runs) {
    const [user] = await tx
      .select({ id: users.id, role: users.role, organisationId: users.organisationId, enterpriseNumber: organisations.enterpriseNumber })
      .from(users)
      .innerJoin(organisations, eq(organisations.id, users.organisationId))
      .where(eq(users.email, email))
    if (!user) throw new Error(`demo import run: no ${email}`)
    // The scope the upload copied from the session (app/features/placement-import/scope.server.ts).
    const employer = user.role === 'employer'
    await tx.insert(importRuns).values({
      id,
      createdBy: user.id,
      organisationId: user.organisationId,
      onlyEnterpriseNumber: employer ? user.enterpriseNumber : null,
      regionCodes: employer ? null : ['REFREG13'],
      fileName,
      status: 'rejected',
      total,
      done: total,
      report: { errors, warnings: [] },
      createdAt: threeDaysAgo,
      finishedAt: finished,
    })
  }
}
