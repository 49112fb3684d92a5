import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { publicComparison } from '#app/features/compensation/compensation.server'
import { parseComparisonFilter } from '#app/features/compensation/comparison-filter'
import { ComparisonTable } from '#app/features/compensation/comparison-table'
import { DemoNotice } from '#app/features/compensation/demo-notice'
import { RegionHistory } from '#app/features/compensation/region-history'
import { ErrorPage } from '#app/components/error-page'
import { FlandersMap } from '#app/components/flanders-map'
import { SelectField } from '#app/components/forms'
import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'

// Public: anyone may compare what hosting someone costs in each region; no login, no personal data.
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const filter = parseComparisonFilter(params)
  const { comparison, points } = await publicComparison(filter)
  return json({ filter, comparison, points })
}

const toOptions = <T extends string>(labels: Record<T, { label: string }>) =>
  (Object.entries(labels) as [T, { label: string }][]).map(([value, { label }]) => ({ value, label }))

export default function CompensationComparisonPage() {
  const { filter, comparison, points } = useLoaderData<typeof loader>()
  const bands = Object.fromEntries(comparison.rows.map((r) => [r.region.code, r.band]))
  const without = comparison.rows.filter((r) => !r.own?.current)
  const query = new URLSearchParams({ instrument: filter.instrument, werkgever: filter.employerType })
  return (
    <>
      <h1>Vergoedingen per regio</h1>
      <p className="mt-2 max-w-3xl">
        Wat betaalt een werkgever voor een werkervaringsplaats, en wat krijgt de deelnemer? Elke Vlaamse referentieregio legt dat zelf vast,
        soms met een afwijking voor één OCMW. Kies een instrument en een soort werkgever om de regio's naast elkaar te zien.
      </p>
      {comparison.anyDemo ? <DemoNotice /> : null}
      <Form method="get" className="mt-6 grid max-w-3xl gap-x-6 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField
          label="Instrument"
          errors={filter.errors.instrument ? [filter.errors.instrument] : undefined}
          options={toOptions(instrumentLabels)}
          selectProps={{ name: 'instrument', defaultValue: filter.instrument, id: 'filter-instrument' }}
        />
        <SelectField
          label="Soort werkgever"
          errors={filter.errors.employerType ? [filter.errors.employerType] : undefined}
          options={toOptions(employerTypeLabels)}
          selectProps={{ name: 'werkgever', defaultValue: filter.employerType, id: 'filter-werkgever' }}
        />
        <button type="submit" className="btn-primary mb-5">
          Toon
        </button>
      </Form>

      <section aria-labelledby="vergelijking-title" className="mt-4">
        <h2 id="vergelijking-title">Alle regio's naast elkaar</h2>
        <p className="mt-1 max-w-3xl">{instrumentLabels[filter.instrument].help}</p>
        <div className="mt-3">
          <ComparisonTable comparison={comparison} />
        </div>
        {without.length > 0 ? <p className="mt-2">Nog geen regeling in: {without.map((r) => r.region.name).join(', ')}.</p> : null}
        <p className="mt-2">
          <a href={`/vergoedingen.csv?${query}`} download>
            Download deze vergelijking als CSV-bestand
          </a>
        </p>
      </section>

      <section aria-labelledby="kaart-title" className="mt-10">
        <h2 id="kaart-title">Kaart van Vlaanderen</h2>
        <p className="mt-1 max-w-3xl">
          Elke markering is een gemeente. Kleur en vorm tonen hoe de geschatte maandkost in haar referentieregio zich verhoudt tot de
          Vlaamse mediaan. OCMW-afwijkingen staan alleen in de tabel.
        </p>
        <FlandersMap
          points={points}
          bands={bands}
          title={`Verschil met de Vlaamse mediaan per referentieregio: ${instrumentLabels[filter.instrument].label}, ${employerTypeLabels[filter.employerType].label.toLowerCase()}`}
        />
      </section>

      <section aria-labelledby="geschiedenis-title" className="mt-10">
        <h2 id="geschiedenis-title">Geschiedenis per regio</h2>
        <p className="mt-1 max-w-3xl">Een wijziging is altijd een nieuwe versie vanaf een datum; vorige versies blijven hier leesbaar.</p>
        <RegionHistory comparison={comparison} />
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [
  { title: 'Vergoedingen per regio – Stapsteen' },
  { name: 'description', content: 'Wat een werkgever betaalt voor een werkervaringsplaats, per Vlaamse referentieregio.' },
]

export function ErrorBoundary() {
  return <ErrorPage />
}
