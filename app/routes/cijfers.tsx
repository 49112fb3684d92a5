import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { LICENCE, tableRows } from '#app/features/open-statistics/open-downloads'
import { publishedQuarters, quarterFigures } from '#app/features/open-statistics/quarter-figures.server'

/**
 * Public, no login: the open figures of one closed quarter (`?kwartaal=`, the newest without it), every table
 * suppressed so that no figure under 5 shows or can be recomputed (ADR 0015, docs/open-data.md).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const quarters = publishedQuarters()
  const asked = new URL(request.url).searchParams.get('kwartaal') ?? quarters[0]!.quarter
  const quarter = quarters.find((q) => q.quarter === asked)
  // A quarter we do not publish (running, too old, not a quarter) is a page that does not exist.
  if (!quarter) throw new Response('Niet gevonden', { status: 404 })
  const tables = (await quarterFigures(quarter)).map((open) => ({
    id: open.id,
    title: open.title,
    description: open.description,
    ...(open.status === 'published' ? { status: open.status, ...tableRows(open) } : { status: open.status, reason: open.reason }),
  }))
  return json({ quarter: quarter.quarter, quarters: quarters.map((q) => q.quarter), tables })
}

export default function OpenFiguresPage() {
  const { quarter, quarters, tables } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Open cijfers</h1>
      <p className="mt-2 max-w-3xl">
        Cijfers van Stapsteen per referentieregio en per afgesloten kwartaal. Om niemand herkenbaar te maken, tonen we geen cijfer onder 5 (ook geen 0):
        dat staat er als "&lt; 5". Een "x" is een cijfer van 5 of meer dat verborgen blijft, zodat u een "&lt; 5" niet kunt terugrekenen uit de totalen
        of uit een andere tabel. Een kwartaal verschijnt één keer; tel kwartalen zelf op. Licentie: <a href={LICENCE.url}>{LICENCE.name}</a>, met
        bronvermelding "Bron: Stapsteen, open cijfers, {quarter}".
      </p>
      <nav aria-label="Kwartalen" className="mt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {quarters.map((q) => (
            <li key={q}>{q === quarter ? <span aria-current="page" className="font-semibold">{q}</span> : <Link to={`/cijfers?kwartaal=${q}`}>{q}</Link>}</li>
          ))}
        </ul>
      </nav>
      <h2 className="mt-6">Kwartaal {quarter}</h2>
      <p className="mt-2">
        <a href={`/cijfers.json?kwartaal=${quarter}`} download>
          Alle tabellen van {quarter} als JSON
        </a>
      </p>
      {tables.map((table) => (
        <section key={table.id} aria-labelledby={`t-${table.id}`} className="mt-8">
          <h3 id={`t-${table.id}`}>{table.title}</h3>
          <p className="mt-1 max-w-3xl text-sm">{table.description}</p>
          {table.status === 'published' ? (
            <>
              <ScrollTable id={`caption-${table.id}`} caption={`${table.title}, ${quarter}`} headings={[...table.header]} tableClass="text-sm">
                {table.rows.map((row) => (
                  <tr key={String(row[0])} className="border-b border-slate-200">
                    {row.map((cell, index) =>
                      index === 0 ? (
                        <th key={index} scope="row" className="py-1 pr-4 text-left font-normal">
                          {cell}
                        </th>
                      ) : (
                        <td key={index} className="py-1 pr-4 text-right">
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </ScrollTable>
              <p className="mt-2 flex flex-wrap gap-x-4">
                <a href={`/cijfers.csv?kwartaal=${quarter}&tabel=${table.id}`} download>
                  CSV van deze tabel
                </a>
                <a href={`/cijfers.json?kwartaal=${quarter}`} download>
                  JSON (alle tabellen van {quarter})
                </a>
              </p>
            </>
          ) : (
            <p className="mt-2 font-semibold">Niet gepubliceerd. {table.reason}</p>
          )}
        </section>
      ))}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Open cijfers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
