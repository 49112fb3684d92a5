import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'
import type { EmployerType, Instrument } from '#domain/compensation-rules'

// The label tables list every value (they are typed as complete records); using them keeps the database
// schema module out of this public page's browser bundle.
const instruments = Object.keys(instrumentLabels) as Instrument[]
const employerTypes = Object.keys(employerTypeLabels) as EmployerType[]

/** The filters of the public comparison, read from the address (a GET form, so it works without JavaScript). */
export type ComparisonFilter = {
  instrument: Instrument
  employerType: EmployerType
  errors: { instrument?: string; employerType?: string }
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value)

export function parseComparisonFilter(params: URLSearchParams): ComparisonFilter {
  const instrument = params.get('instrument')
  const employerType = params.get('werkgever')
  // A hand-edited address gets the default and a message at the field, never an error page.
  return {
    instrument: oneOf(instruments, instrument) ? instrument : 'TWE_ART60',
    employerType: oneOf(employerTypes, employerType) ? employerType : 'private',
    errors: {
      ...(instrument !== null && !oneOf(instruments, instrument)
        ? { instrument: 'Dit instrument kennen we niet; we tonen TWE met artikel 60§7.' }
        : {}),
      ...(employerType !== null && !oneOf(employerTypes, employerType)
        ? { employerType: 'Deze soort werkgever kennen we niet; we tonen privébedrijf.' }
        : {}),
    },
  }
}
