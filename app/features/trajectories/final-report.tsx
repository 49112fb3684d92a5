import { formatDate } from '#domain/compensation-labels'
import { type IcfCode, type IcfQualifier, icfQualifierLabels, icfTitle } from '#domain/icf'
import { type EndOutcome, endOutcomeLabels, type EvaluationScore, evaluationScaleLabels, type StopReason, stopReasonLabels } from '#domain/trajectory-values'

export type FinalReportView = {
  status: 'stopped' | 'ended'
  endedOn: string
  stopReason: StopReason | null
  report: { goals: { goal: string; result: EvaluationScore; comment?: string }[]; icf: { code: IcfCode; qualifier: IcfQualifier }[]; outcome: EndOutcome; recommendation: string }
}

/** The motivated final report, as printed (tailwind.css prints only this part of the page). */
export function FinalReport({ status, endedOn, stopReason, report }: FinalReportView) {
  return (
    <section aria-labelledby="report-title" className="final-report card mt-6 max-w-3xl">
      <h2 id="report-title">Eindverslag</h2>
      <p className="mt-2">
        {status === 'stopped' ? `Stopgezet op ${formatDate(endedOn)}${stopReason ? `: ${stopReasonLabels[stopReason]}` : ''}.` : `Beëindigd op ${formatDate(endedOn)}.`}{' '}
        Uitkomst: {endOutcomeLabels[report.outcome]}.
      </p>
      {report.goals.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">Resultaat per doel</h3>
          <ul className="list-disc pl-6">
            {report.goals.map((g) => (
              <li key={g.goal}>
                {g.goal}: {evaluationScaleLabels[g.result].toLowerCase()}
                {g.comment ? ` — ${g.comment}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="mt-4 font-semibold">Functioneren (ICF, activiteiten en participatie)</h3>
      <table className="mt-1 w-full text-left">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Activiteit</th>
            <th scope="col">Beoordeling</th>
          </tr>
        </thead>
        <tbody>
          {report.icf.map((row) => (
            <tr key={row.code}>
              <td>{row.code}</td>
              <td>{icfTitle(row.code)}</td>
              <td>
                {row.qualifier} – {icfQualifierLabels[row.qualifier]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="mt-4 font-semibold">Aanbeveling</h3>
      <p className="whitespace-pre-line">{report.recommendation}</p>
    </section>
  )
}
