import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { Pagination } from '#app/components/pagination'
import { formatDate } from '#domain/compensation-labels'
import { todayIso } from '#domain/compensation-rules'
import { workHoursText } from '#domain/job-posting'
import { db } from '#app/utils/db.server'
import { listPublicPlacements } from '#db/queries/public-placements'
import { recordSearchTerms } from '#app/features/search-terms/record.server'

/** Public: no login. The filters are a GET form, so every result page has its own address. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams
  const region = params.get('regio') ?? ''
  const occupation = (params.get('beroep') ?? '').trim().slice(0, 100)
  const page = Number.parseInt(params.get('pagina') ?? '1', 10)
  const result = await listPublicPlacements(db(), {
    regionCode: /^REFREG\d{2}$/.test(region) ? region : undefined,
    occupation: occupation || undefined,
    page: Number.isFinite(page) ? page : 1,
  })
  void recordSearchTerms(request, 'beroep', result.total)
  // "Volzet tot" only while it lasts: a date in the past means a place is free again.
  const today = todayIso()
  const items = result.items.map((p) => ({ ...p, fullUntil: p.fullUntil && p.fullUntil >= today ? p.fullUntil : null }))
  return json({ ...result, items, filter: { region, occupation } })
}

export default function PublicPlacementsPage() {
  const { items, total, page, pageCount, regions, filter } = useLoaderData<typeof loader>()
  const all = regions.reduce((sum, r) => sum + r.count, 0)
  const link = (params: Record<string, string | number>) => `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]).filter(([, v]) => v !== ''))}`
  return (
    <>
      {/* A soft hyphen: Dutch breaks the compound there on a phone, with a hyphen, even without hyphenation data. */}
      <h1>{'Werkervarings\u00ADplaatsen'}</h1>
      <p className="mt-2 max-w-3xl">
        Plaatsen waar u werkervaring opdoet, bij werkgevers die Stapsteen heeft nagekeken. Interesse? Vraag uw trajectbegeleider of
        bemiddelaar om u voor te stellen.
      </p>
      <Form method="get" className="mt-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="regio" className="field-label">
            Regio
          </label>
          <select id="regio" name="regio" defaultValue={filter.region} className="field-input">
            <option value="">Alle regio's ({all})</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.count})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="beroep" className="field-label">
            Beroep
          </label>
          <input id="beroep" name="beroep" defaultValue={filter.occupation} className="field-input" placeholder="bv. bakker" />
        </div>
        <button type="submit" className="btn-primary">
          Zoeken
        </button>
      </Form>
      <nav aria-label="Plaatsen per regio" className="mt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {regions
            .filter((r) => r.count > 0)
            .map((r) => (
              <li key={r.code}>
                <Link to={link({ regio: r.code, beroep: filter.occupation })} aria-current={r.code === filter.region ? 'page' : undefined}>
                  {r.name} ({r.count})
                </Link>
              </li>
            ))}
        </ul>
      </nav>
      <h2 className="mt-8">
        {total === 1 ? '1 plaats' : `${total} plaatsen`}
        {pageCount > 1 ? `, pagina ${page} van ${pageCount}` : ''}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2">Geen plaatsen gevonden. Kies een andere regio of een ander beroep.</p>
      ) : (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {items.map((p) => (
            <li key={p.id} className="card">
              <h3 className="text-lg font-semibold">
                <Link to={p.id}>{p.title}</Link>
              </h3>
              <p className="mt-1">
                {p.occupation} · {p.employer}, {p.municipality}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {workHoursText(p.hoursPerWeek, p.schedule)} · {p.places === 1 ? '1 plaats' : `${p.places} plaatsen`}
                {p.fullUntil ? ` · volzet tot ${formatDate(p.fullUntil)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} href={(n) => link({ regio: filter.region, beroep: filter.occupation, pagina: n })} />
    </>
  )
}

export const meta: MetaFunction = () => [
  { title: 'Werkervaringsplaatsen – Stapsteen' },
  { name: 'description', content: 'Werkervaringsplaatsen in Vlaanderen, per regio en beroep.' },
]

export function ErrorBoundary() {
  return <ErrorPage />
}
