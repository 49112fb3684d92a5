import { db } from '#app/utils/db.server'
import { municipalitiesForPostcode } from '#db/queries/reference'
import type { IntakeStep, StepValues } from './intake-steps'

/**
 * What a step's schema cannot know: whether the postcode lies in Flanders (and in which municipality), and
 * whether there is an organisation to be contacted through. Errors are translation keys, like the schema's.
 */
export type StepCheck<S extends IntakeStep> =
  | { ok: true; value: StepValues<S> }
  | { ok: false; fieldErrors: Record<string, string[]>; municipalityChoices?: { nis: string; name: string }[] }

export async function checkStep<S extends IntakeStep>(step: S, value: StepValues<S>, helperName: string | null): Promise<StepCheck<S>> {
  if (step === 'woonplaats') return (await checkPlace(value as StepValues<'woonplaats'>)) as StepCheck<S>
  if (step === 'contact') return checkContactMethod(value as StepValues<'contact'>, helperName) as StepCheck<S>
  return { ok: true, value }
}

export function checkContactMethod(value: StepValues<'contact'>, helperName: string | null): StepCheck<'contact'> {
  if (value.contactMethod === 'organisation' && !helperName) return { ok: false, fieldErrors: { contactMethod: ['errors.organisationUnknown'] } }
  return { ok: true, value }
}

async function checkPlace(value: StepValues<'woonplaats'>): Promise<StepCheck<'woonplaats'>> {
  const found = await municipalitiesForPostcode(db(), value.postcode)
  if (found.length === 0) return { ok: false, fieldErrors: { postcode: ['errors.postcodeNotFlemish'] } }
  if (found.length === 1) return { ok: true, value: { postcode: value.postcode, municipalityNis: found[0]!.nis } }
  const municipalityChoices = found.map(({ nis, name }) => ({ nis, name }))
  if (found.some((municipality) => municipality.nis === value.municipalityNis)) return { ok: true, value }
  return { ok: false, fieldErrors: { municipalityNis: ['errors.municipalityChoose'] }, municipalityChoices }
}

/** The municipalities of a postcode that lies in two, for the choice on the place step. */
export async function municipalityChoices(postcode: string) {
  const found = await municipalitiesForPostcode(db(), postcode)
  return found.length > 1 ? found.map(({ nis, name }) => ({ nis, name })) : []
}
