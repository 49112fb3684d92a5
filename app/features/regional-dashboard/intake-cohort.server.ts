import { brusselsDate } from '#domain/intake-working-days'
import { intakeCohortFigures } from '#db/queries/dashboard-first-contact'
import { sharedPerSlice } from './per-slice'

/** The first-contact and withdrawal tables of "Aanmeldingen en triage" count from one query per slice (per-slice.ts). */
export const cohortFiguresFor = sharedPerSlice((tx, slice) => intakeCohortFigures(tx, slice, brusselsDate()))
