import { Form, useLocation, useSubmit } from '@remix-run/react'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useHydrated } from 'remix-utils/use-hydrated'
import type { FacetCounts } from '#search/port'
import { Field, SelectField } from '#app/components/forms'
import { SearchFacets } from './search-facets'
import { countUpToHours } from './facet-counts'
import { readValues, type SearchErrors, type SearchValues, searchQueryString } from './search-params'

type Props = { values: SearchValues; errors: SearchErrors; facets: FacetCounts | null; regions: { code: string; name: string }[]; places: string[] }

const TYPING_PAUSE_MS = 250
const HOUR_STEPS = [12, 19, 24, 30, 38]

/** The address a form would submit, without empty fields: what the page shows, and the key to compare with. */
function queryOf(form: HTMLFormElement) {
  const params = new URLSearchParams()
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value)
  return searchQueryString(readValues(params))
}

/**
 * The search form: a plain GET form with a "Zoeken" button. With JavaScript it searches as you type (after a
 * pause of 250 ms; choices at once), replacing the address so the back button skips keystrokes. When the
 * address changes otherwise (back button, a link), the form is rebuilt from it; never while you type in it.
 */
export function SearchForm({ values, errors, facets, regions, places }: Props) {
  const submit = useSubmit()
  const hydrated = useHydrated()
  const location = useLocation()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const sent = useRef<string | null>(null)
  const shown = useRef(location.search)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    if (location.search === shown.current) return
    shown.current = location.search
    if (searchQueryString(readValues(new URLSearchParams(location.search))) !== sent.current) setGeneration((n) => n + 1)
  }, [location.search])
  useEffect(() => () => clearTimeout(timer.current), [])

  const send = (form: HTMLFormElement) => {
    clearTimeout(timer.current)
    sent.current = queryOf(form)
    submit(new URLSearchParams(sent.current), { method: 'get', replace: true, preventScrollReset: true })
  }
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    const typing = event.target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(event.target.type)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => send(form), typing ? TYPING_PAUSE_MS : 0)
  }
  const hoursHelp = facets
    ? `Aantal plaatsen ${HOUR_STEPS.map((h) => `tot ${h} uur: ${countUpToHours(facets.hoursPerWeek, h)}`).join(', ')}.`
    : 'Bijvoorbeeld 19.'

  return (
    <Form
      key={generation}
      method="get"
      role="search"
      aria-label="Plaatsen zoeken"
      onChange={hydrated ? onChange : undefined}
      onSubmit={(event) => {
        if (!hydrated) return
        event.preventDefault()
        send(event.currentTarget)
      }}
    >
      <Field
        label="Beroep of woorden"
        help="Bijvoorbeeld magazijnmedewerker, poetshulp of keuken."
        errors={errors.q}
        inputProps={{ id: 'zoek-q', name: 'q', type: 'search', defaultValue: values.q, autoComplete: 'off' }}
      />
      <Field
        label="Gemeente of postcode"
        errors={errors.plaats}
        inputProps={{ id: 'zoek-plaats', name: 'plaats', defaultValue: values.plaats, list: 'zoek-gemeenten', autoComplete: 'off' }}
      />
      <datalist id="zoek-gemeenten">
        {places.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Field
        label="Binnen een straal van (km)"
        help="Leeg: alleen plaatsen in die gemeente."
        errors={errors.straal}
        inputProps={{ id: 'zoek-straal', name: 'straal', defaultValue: values.straal, inputMode: 'decimal' }}
      />
      <Field
        label="Hoogstens uren per week"
        help={hoursHelp}
        errors={errors.uren}
        inputProps={{ id: 'zoek-uren', name: 'uren', defaultValue: values.uren, inputMode: 'decimal' }}
      />
      <SelectField
        label="Sorteren op"
        errors={errors.sorteer}
        selectProps={{ id: 'zoek-sorteer', name: 'sorteer', defaultValue: values.sorteer || 'relevantie' }}
        options={[
          { value: 'relevantie', label: 'Best passend' },
          { value: 'afstand', label: 'Afstand (kies een gemeente)' },
          { value: 'nieuwste', label: 'Nieuwste eerst' },
        ]}
      />
      <SearchFacets values={values} errors={errors} facets={facets} regions={regions} />
      <button type="submit" className="btn-primary w-full">
        Zoeken
      </button>
    </Form>
  )
}
