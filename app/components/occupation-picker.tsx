import { useFetcher } from '@remix-run/react'
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useHydrated } from 'remix-utils/use-hydrated'

export type OccupationOption = { uri: string; label: string; matchedAltLabel?: string | null; altLabels: string[] }

type Props = {
  /** Form field names: the search text (kept on re-render) and the chosen ESCO URI (saved). */
  queryName: string
  uriName: string
  defaultQuery: string
  chosen: OccupationOption | null
  /** Matches of a search without JavaScript (the "Zoek beroep" button), shown as radio buttons. */
  serverHits: OccupationOption[] | null
  errors?: string[]
  /** Called after a choice, so the form can re-check the field. */
  onChosen?: () => void
  /** The field's label and help; the defaults speak of a placement's jobdoelwit. */
  label?: string
  help?: string
}

/**
 * The jobdoelwit: one ESCO occupation. With JavaScript, a WAI-ARIA combobox over /api/beroepen; without, a
 * text field and a search button (the editor re-renders with the matches as radio buttons, keeping every other
 * value). Either way the chosen URI travels in the field `uriName`.
 */
export function OccupationPicker(props: Props) {
  const id = useId()
  const hydrated = useHydrated()
  const [chosen, setChosen] = useState(props.chosen)
  const errorId = props.errors?.length ? `${id}-error` : undefined
  const describedBy = [`${id}-help`, errorId].filter(Boolean).join(' ')
  const showRadios = !hydrated && props.serverHits !== null
  return (
    <div className="mb-5">
      <label htmlFor={`${id}-input`} className="field-label">
        {props.label ?? 'Jobdoelwit (beroep)'}
      </label>
      <p id={`${id}-help`} className="text-sm text-slate-700">
        {props.help ?? 'Het beroep waarvoor iemand hier ervaring opdoet.'} Typ een deel van de naam, bijvoorbeeld "bakker" of "magazijn".
      </p>
      {hydrated ? (
        <Combobox {...props} id={id} describedBy={describedBy} chosen={chosen} onChoose={setChosen} />
      ) : (
        <div className="mt-1 flex flex-wrap gap-2">
          <input
            id={`${id}-input`}
            name={props.queryName}
            defaultValue={props.defaultQuery}
            aria-describedby={describedBy}
            aria-invalid={errorId ? true : undefined}
            className="field-input mt-0 max-w-md flex-1"
          />
          <button type="submit" name="intent" value="search-occupation" formNoValidate className="btn-secondary">
            Zoek beroep
          </button>
        </div>
      )}
      {errorId ? (
        <p id={errorId} className="field-error">
          {props.errors?.join(' ')}
        </p>
      ) : null}
      {showRadios ? (
        <HitRadios name={props.uriName} hits={props.serverHits ?? []} chosen={chosen} query={props.defaultQuery} errorId={errorId} />
      ) : (
        <input type="hidden" name={props.uriName} value={chosen?.uri ?? ''} />
      )}
      {chosen && !showRadios ? <ChosenOccupation occupation={chosen} /> : null}
    </div>
  )
}

function ChosenOccupation({ occupation }: { occupation: OccupationOption }) {
  return (
    <div className="mt-2 rounded-md border border-slate-300 bg-slate-50 px-3 py-2" data-testid="chosen-occupation">
      <p>
        Gekozen: <strong>{occupation.label}</strong>
      </p>
      {occupation.altLabels.length > 0 ? (
        <p className="text-sm text-slate-700">Trajectbegeleiders vinden het ook onder: {occupation.altLabels.join(', ')}.</p>
      ) : null}
    </div>
  )
}

function HitRadios(props: { name: string; hits: OccupationOption[]; chosen: OccupationOption | null; query: string; errorId?: string }) {
  // The earlier choice stays available, so a search that finds nothing better loses nothing.
  const options = props.chosen && !props.hits.some((h) => h.uri === props.chosen?.uri) ? [props.chosen, ...props.hits] : props.hits
  if (options.length === 0) return <p className="mt-2">Geen beroep gevonden voor "{props.query}". Probeer een ander of korter woord.</p>
  return (
    <fieldset className="mt-3" aria-describedby={props.errorId}>
      <legend className="font-semibold">Kies het beroep dat het best past</legend>
      {options.map((hit, index) => (
        <div key={hit.uri} className="mt-2 flex items-start gap-2">
          <input
            type="radio"
            id={`${props.name}-${index}`}
            name={props.name}
            value={hit.uri}
            defaultChecked={hit.uri === props.chosen?.uri}
            aria-describedby={`${props.name}-${index}-alt`}
            className="mt-1 size-5"
          />
          <div>
            <label htmlFor={`${props.name}-${index}`}>{hit.label}</label>
            <p id={`${props.name}-${index}-alt`} className="text-sm text-slate-700">
              {hit.altLabels.length > 0 ? `Ook: ${hit.altLabels.join(', ')}` : 'Geen andere namen'}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  )
}

type ComboboxProps = Props & { id: string; describedBy: string; onChoose: (option: OccupationOption) => void }

// Follows https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/
function Combobox({ id, describedBy, queryName, defaultQuery, chosen, errors, onChoose, onChosen }: ComboboxProps) {
  const fetcher = useFetcher<{ results?: OccupationOption[] }>()
  const [query, setQuery] = useState(defaultQuery || chosen?.label || '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const firstChoice = useRef(true)
  const onChosenRef = useRef(onChosen)
  onChosenRef.current = onChosen
  const results = fetcher.data?.results ?? []
  const listboxId = `${id}-listbox`
  const expanded = open && results.length > 0

  useEffect(() => () => clearTimeout(timer.current), [])
  // The list scrolls; keep the option chosen with the arrow keys in view.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listboxId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listboxId])
  useEffect(() => {
    if (firstChoice.current) firstChoice.current = false
    else onChosenRef.current?.()
  }, [chosen?.uri])

  const search = (text: string) => {
    setQuery(text)
    setActive(-1)
    setOpen(true)
    clearTimeout(timer.current)
    if (text.trim().length >= 2) timer.current = setTimeout(() => fetcher.load(`/api/beroepen?q=${encodeURIComponent(text)}`), 200)
  }
  const choose = (option: OccupationOption) => {
    onChoose(option)
    setQuery(option.label)
    setOpen(false)
    setActive(-1)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (results.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setOpen(true)
      setActive((current) => (!expanded ? (step > 0 ? 0 : results.length - 1) : (current + step + results.length) % results.length))
    } else if (event.key === 'Enter') {
      // Enter picks an option; it never submits the whole form from the search field.
      event.preventDefault()
      const option = expanded ? results[active] : undefined
      if (option) choose(option)
    } else if (event.key === 'Escape') {
      setOpen(false)
      setActive(-1)
    }
  }
  const status =
    query.trim().length < 2 || fetcher.state !== 'idle' || !fetcher.data
      ? ''
      : results.length === 0
        ? `Geen beroep gevonden voor "${query}".`
        : `${results.length} beroepen gevonden. Kies met pijl omlaag en Enter.`
  return (
    <div className="relative mt-1 max-w-xl">
      <input
        id={`${id}-input`}
        name={queryName}
        value={query}
        onChange={(event) => search(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && active >= 0 ? `${listboxId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        className="field-input mt-0"
      />
      <ul id={listboxId} role="listbox" aria-label="Gevonden beroepen" hidden={!expanded} className="absolute z-10 mt-1 max-h-80 w-full overflow-auto rounded-md border border-slate-500 bg-white shadow-lg">
        {results.map((option, index) => (
          <li
            key={option.uri}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: the input must keep focus (its blur would close the list first).
            onMouseDown={(event) => {
              event.preventDefault()
              choose(option)
            }}
            className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-700 text-white' : 'hover:bg-slate-100'}`}
          >
            {option.label}
            {option.matchedAltLabel ? <span className="text-sm"> (ook: {option.matchedAltLabel})</span> : null}
          </li>
        ))}
      </ul>
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  )
}
