import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'
import type { ScheduleHistory } from '#db/queries/compensation'
import { formatDate } from '#domain/compensation-labels'
import { statusLabels } from './region-history'
import { versionInForce, versionStatus } from '#domain/compensation-rules'
import { ColumnHeads, RuleCells, ruleCell as cell } from './rules-table'

/** Every version of one schedule, newest first, each readable in full: what the admin's region decided when. */
export function ScheduleVersions({ schedule, title, today }: { schedule: ScheduleHistory; title: string; today: string }) {
  const inForce = versionInForce(schedule.versions, today)
  return (
    <section aria-labelledby={`schema-${schedule.id}`} className="mt-6">
      <h3 id={`schema-${schedule.id}`} className="text-lg font-semibold">
        {title}
      </h3>
      <ol className="mt-2 space-y-2">
        {schedule.versions.map((version) => {
          const status = versionStatus(version.validFrom, inForce?.validFrom, today)
          return (
            <li key={version.id}>
              <details className="rounded-md border border-slate-300 px-4 py-2">
                <summary className="cursor-pointer">
                  Vanaf {formatDate(version.validFrom)} – {statusLabels[status]}
                  {version.isDemo ? ' (demowaarden)' : ''}
                </summary>
                {version.note ? <p className="mt-2">Toelichting: {version.note}</p> : null}
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Regels van de versie vanaf {formatDate(version.validFrom)}</caption>
                  <ColumnHeads columns={['Instrument', 'Soort werkgever', 'Werkgever betaalt', 'Deelnemer krijgt', 'Gedekt']} />
                  <tbody>
                    {version.rules.map((rule) => (
                      <tr key={`${rule.instrument}-${rule.employerType}`} className="border-b border-slate-200">
                        <th scope="row" className={`${cell} font-normal`}>
                          {instrumentLabels[rule.instrument].label}
                        </th>
                        <td className={cell}>{employerTypeLabels[rule.employerType].label}</td>
                        <RuleCells rule={rule} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
