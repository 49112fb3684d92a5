import { formatHours } from '#domain/placement-form'
import { dutchLevelLabels, employerTypeLabels, instrumentLabels, scheduleLabels, supportLabels } from '#domain/placement-values'
import type { SearchInput } from './search-params'

/**
 * A search in a few plain words ("magazijn" · binnen 15 km van Gent · Nederlands hoogstens A2 …), for the list of
 * saved searches and the alert mail. Only the criteria: never the name a caseworker gave the search, which might
 * name a client.
 */
export function describeSearch(input: SearchInput, regionNames: Record<string, string>): string[] {
  const labels = <T extends string>(table: Record<T, { label: string }>, values: T[]) => values.map((v) => table[v].label)
  const parts = [
    input.q ? `"${input.q}"` : null,
    input.plaats ? (input.straal === null ? `in ${input.plaats}` : `binnen ${formatHours(input.straal)} km van ${input.plaats}`) : null,
    input.regio.length > 0 ? input.regio.map((code) => regionNames[code] ?? code).join(' of ') : null,
    input.nederlands ? `Nederlands hoogstens: ${dutchLevelLabels[input.nederlands].label}` : null,
    input.uren === null ? null : `hoogstens ${formatHours(input.uren)} uur per week`,
    input.maatregel.length > 0 ? labels(instrumentLabels, input.maatregel).join(' of ') : null,
    input.werkgever.length > 0 ? labels(employerTypeLabels, input.werkgever).join(' of ') : null,
    input.uurrooster.length > 0 ? labels(scheduleLabels, input.uurrooster).join(' of ').toLowerCase() : null,
    input.steun.length > 0 ? `met ${labels(supportLabels, input.steun).join(' en ').toLowerCase()}` : null,
  ]
  const described = parts.filter((part): part is string => part !== null)
  return described.length > 0 ? described : ['alle plaatsen']
}
