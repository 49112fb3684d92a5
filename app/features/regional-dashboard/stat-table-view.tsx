import { ScrollTable } from '#app/components/scroll-table'
import { formatStat } from './format'
import { StatChart } from './stat-chart'
import type { StatTable } from './stat-table'

/** One figure of the dashboard: title, what it counts, the chart, the same numbers as a table, and its CSV. */
export function StatTableView({ table, csvHref }: { table: StatTable; csvHref: string }) {
  const empty = table.rows.length === 0
  return (
    <section aria-labelledby={`${table.id}-title`} className="card mt-6">
      <h2 id={`${table.id}-title`}>{table.title}</h2>
      <p className="mt-1 max-w-3xl text-slate-700">{table.description}</p>
      {empty ? (
        <p className="mt-3">Nog geen gegevens in deze periode.</p>
      ) : (
        <div className="lg:grid lg:grid-cols-2 lg:gap-6">
          {table.chart ? <StatChart table={table} /> : null}
          <ScrollTable id={`${table.id}-caption`} caption={table.title} headings={['', ...table.columns]} className="mt-3" tableClass="text-sm">
            {table.rows.map((row) => (
              <tr key={row.key} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {row.label}
                </th>
                {row.values.map((value, index) => (
                  <td key={table.columns[index]} className="py-1 pr-4 text-right whitespace-nowrap">
                    {formatStat(value, row.unit)}
                  </td>
                ))}
              </tr>
            ))}
          </ScrollTable>
        </div>
      )}
      <p className="mt-3">
        <a href={csvHref} download>
          Download “{table.title}” als CSV
        </a>
      </p>
    </section>
  )
}
