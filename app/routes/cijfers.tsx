import { json, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { intakeFigures, publishedQuarters } from '#app/features/open-statistics/intake-figures.server'

/** Public, no login: open figures per reference region and quarter, never a figure under 5 (docs/open-data.md). */
export async function loader() {
  const quarters = await Promise.all(publishedQuarters().map(async (q) => ({ quarter: q.quarter, table: await intakeFigures(q) })))
  return json({ quarters })
}

export default function OpenFiguresPage() {
  const { quarters } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Open cijfers</h1>
      <p className="mt-2 max-w-3xl">
        Aanmeldingen van inwoners per referentieregio en per kwartaal, volgens de bestemming die de triageregels voorstelden. Om niemand herkenbaar te
        maken, tonen we geen cijfer onder 5 (ook geen 0): dat staat er als "&lt; 5". Een "x" is een cijfer van 5 of meer dat verborgen blijft, zodat je
        een "&lt; 5" niet kunt terugrekenen uit de totalen. Alleen afgesloten kwartalen; tel kwartalen niet op tot een jaar met verborgen cellen.
        Licentie: Modellicentie Gratis Hergebruik v1.0.
      </p>
      {quarters.map(({ quarter, table }) => (
        <section key={quarter} aria-labelledby={`q-${quarter}`} className="mt-8">
          <h2 id={`q-${quarter}`}>Aanmeldingen in {quarter}</h2>
          <ScrollTable id={`caption-${quarter}`} caption={`Aanmeldingen per referentieregio en voorgestelde bestemming, ${quarter}`} headings={[...table.header]}>
            {table.rows.map((row) => (
              <tr key={String(row[0])} className="border-b border-slate-200">
                {row.map((cell, index) => (index === 0 ? <th key={index} scope="row" className="py-1 pr-4 text-left font-normal">{cell}</th> : <td key={index} className="py-1 pr-4 text-right">{cell}</td>))}
              </tr>
            ))}
          </ScrollTable>
          <p className="mt-2">
            <a href={`/cijfers.csv?kwartaal=${quarter}`} download>
              Download {quarter} als CSV
            </a>
          </p>
        </section>
      ))}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Open cijfers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
