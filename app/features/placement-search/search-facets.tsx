import { useId } from 'react'
import type { FacetCounts } from '#search/port'
import { dutchLevelLabels, employerTypeLabels, instrumentLabels, scheduleLabels, supportLabels } from '#domain/placement-values'
import { countsUpToLevel } from './facet-counts'
import type { SearchErrors, SearchValues } from './search-params'

type Option = { value: string; label: string; count: number | null }

/**
 * A filter as a fieldset of checkboxes (any of them) or radio buttons (one), each label ending in the number of
 * placements that choice gives, so it works the same with and without JavaScript. The error is tied to the group.
 */
function FacetGroup(props: {
  legend: string
  name: string
  type: 'checkbox' | 'radio'
  options: Option[]
  selected: string[]
  errors?: string[]
  help?: string
}) {
  const { legend, name, type, options, selected, errors, help } = props
  const id = useId()
  const describedBy = [help ? `${id}-help` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="mb-5" aria-describedby={describedBy}>
      <legend className="field-label">{legend}</legend>
      {help ? (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
      <ul className="mt-1 space-y-1">
        {options.map((option) => (
          <li key={option.value} className="flex items-start gap-2">
            <input
              type={type}
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              aria-invalid={errors?.length ? true : undefined}
              className="mt-1 size-5 shrink-0"
            />
            <label htmlFor={`${id}-${option.value}`}>
              {option.label}
              {option.count === null ? null : <span className="text-slate-700"> ({option.count})</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

const options = <T extends string>(labels: Record<T, { label: string }>, counts: Record<string, number> | undefined): Option[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value].label, count: counts?.[value] ?? 0 }))

type ListFacet = {
  legend: string
  help?: string
  name: 'maatregel' | 'werkgever' | 'uurrooster' | 'steun'
  labels: Record<string, { label: string }>
  counts: keyof FacetCounts
}

/** The checkbox filters over a value list of the exchange format: any of them (supports: all of them). */
const listFacets: ListFacet[] = [
  { legend: 'Maatregel', name: 'maatregel', labels: instrumentLabels, counts: 'instruments' },
  { legend: 'Soort werkgever', name: 'werkgever', labels: employerTypeLabels, counts: 'employerType' },
  { legend: 'Uurrooster', name: 'uurrooster', labels: scheduleLabels, counts: 'schedules' },
  {
    legend: 'Ondersteuning die de persoon nodig heeft',
    help: 'Alleen plaatsen die alles bieden wat je aanvinkt.',
    name: 'steun',
    labels: supportLabels,
    counts: 'supports',
  },
]

/** Every filter with a fixed list of values; counts are null when there is no result to count (errors, engine down). */
export function SearchFacets({
  values,
  errors,
  facets,
  regions,
}: {
  values: SearchValues
  errors: SearchErrors
  facets: FacetCounts | null
  regions: { code: string; name: string }[]
}) {
  const count = (name: keyof FacetCounts) => (facets ? (facets[name] ?? {}) : undefined)
  const withoutCounts = (list: Option[]) => (facets ? list : list.map((o) => ({ ...o, count: null })))
  const upToLevel = countsUpToLevel(count('dutchLevel'))
  const anyLevel = Object.values(count('dutchLevel') ?? {}).reduce((sum, n) => sum + n, 0)
  return (
    <>
      <FacetGroup
        legend="Nederlands: de plaats vraagt hoogstens"
        name="nederlands"
        type="radio"
        selected={[values.nederlands]}
        errors={errors.nederlands}
        options={withoutCounts([
          { value: '', label: 'Maakt niet uit', count: anyLevel },
          ...options(dutchLevelLabels, count('dutchLevel')).map((o) => ({ ...o, count: upToLevel[o.value as keyof typeof upToLevel] })),
        ])}
      />
      <FacetGroup
        legend="Referentieregio"
        name="regio"
        type="checkbox"
        selected={values.regio}
        errors={errors.regio}
        options={withoutCounts(regions.map((r) => ({ value: r.code, label: r.name, count: count('regionCode')?.[r.code] ?? 0 })))}
      />
      {listFacets.map((facet) => (
        <FacetGroup
          key={facet.name}
          legend={facet.legend}
          help={facet.help}
          name={facet.name}
          type="checkbox"
          selected={values[facet.name]}
          errors={errors[facet.name]}
          options={withoutCounts(options(facet.labels, count(facet.counts)))}
        />
      ))}
    </>
  )
}
