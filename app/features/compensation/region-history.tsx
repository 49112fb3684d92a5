import type { Comparison, ScheduleLine } from './comparison'
import { formatDate } from '#domain/compensation-labels'
import type { VersionStatus } from '#domain/compensation-rules'
import { ColumnHeads, RuleCells, ruleCell as cell } from './rules-table'

export const statusLabels: Record<VersionStatus, string> = { current: 'geldt nu', planned: 'gepland', past: 'vervangen' }

function VersionsTable({ line, regionName }: { line: ScheduleLine; regionName: string }) {
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="text-left font-semibold">
        {line.ocmw ? `Afwijking van ${line.ocmw.name}` : `Regeling van ${regionName}`}: alle versies, nieuwste eerst
      </caption>
      <ColumnHeads columns={['Geldt vanaf', 'Status', 'Werkgever betaalt', 'Deelnemer krijgt', 'Gedekt', 'Toelichting']} />
      <tbody>
        {line.history.map((v) => (
          <tr key={v.validFrom} className="border-b border-slate-200 align-top">
            <th scope="row" className={`${cell} font-normal`}>
              {formatDate(v.validFrom)}
            </th>
            <td className={cell}>{statusLabels[v.status]}</td>
            {v.rule ? (
              <RuleCells rule={v.rule} />
            ) : (
              <td colSpan={3} className={cell}>
                Geen regeling voor dit instrument en deze soort werkgever.
              </td>
            )}
            <td className={cell}>{v.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Every version per region (old ones stay readable), for the chosen instrument and employer type. */
export function RegionHistory({ comparison }: { comparison: Comparison }) {
  return (
    <ul className="mt-3 space-y-2">
      {comparison.rows.map((row) => {
        const lines = [row.own, ...row.deviations].filter((l): l is ScheduleLine => l !== null)
        const versions = lines.reduce((n, l) => n + l.history.length, 0)
        return (
          <li key={row.region.code}>
            <details id={`regio-${row.region.code}`} className="rounded-md border border-slate-300 px-4 py-2">
              <summary className="cursor-pointer font-semibold">
                {row.region.name}: {versions === 0 ? 'nog geen regeling' : `${versions} ${versions === 1 ? 'versie' : 'versies'}`}
              </summary>
              {lines.length === 0 ? <p className="mt-2">{row.region.name} heeft nog geen regeling.</p> : null}
              {lines.map((line) => (
                <VersionsTable key={line.ocmw?.id ?? 'regio'} line={line} regionName={row.region.name} />
              ))}
            </details>
          </li>
        )
      })}
    </ul>
  )
}
