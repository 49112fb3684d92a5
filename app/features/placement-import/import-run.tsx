import { Link, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { ImportIssuesTable, type ImportReport, RejectedReport } from './placement-import'

/**
 * The page of a large import that a job runs: progress while it runs, then the result or the report. Without
 * JavaScript a link shows the latest state; with it, the page asks again every 2 seconds. No <meta refresh>:
 * reloading the page on a timer throws screen-reader users back to the top (WCAG 2.2.1, failure F41).
 */
export type ImportRunSummary = {
  fileName: string
  status: 'queued' | 'running' | 'imported' | 'rejected' | 'failed'
  total: number
  done: number
  imported: number | null
  updated: number | null
  report: Omit<ImportReport, 'fileName'> | null
}

function usePolling(active: boolean) {
  const { revalidate, state } = useRevalidator()
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => state === 'idle' && revalidate(), 2000)
    return () => clearInterval(timer)
  }, [active, revalidate, state])
}

const phase = (run: ImportRunSummary) => {
  switch (run.status) {
    case 'queued':
      return 'In de wachtrij: de import begint zo.'
    case 'running':
      return 'Bezig met importeren.'
    case 'imported':
      return `Klaar: ${run.imported} nieuw, ${run.updated} bijgewerkt, ${run.total - (run.imported ?? 0) - (run.updated ?? 0)} ongewijzigd.`
    case 'rejected':
      return 'Niets geïmporteerd: het bestand heeft fouten.'
    case 'failed':
      return 'Er ging iets mis tijdens het importeren. Er is niets opgeslagen; probeer het later opnieuw.'
  }
}

export function ImportRunPanel({ run, uploadAgain }: { run: ImportRunSummary; uploadAgain: string }) {
  const active = run.status === 'queued' || run.status === 'running'
  usePolling(active)
  return (
    <>
      <h1>Import van {run.fileName}</h1>
      {/* One live region for the phase only: announcing every count would talk over everything else. */}
      <p role="status" className="mt-4 text-lg font-medium">
        {phase(run)}
      </p>
      {active ? (
        <div className="mt-4 max-w-xl">
          <label htmlFor="import-progress" className="field-label">
            {run.done} van {run.total} verwerkt
          </label>
          <progress id="import-progress" max={run.total} value={run.done} className="mt-2 h-4 w-full" />
          <p className="mt-4">
            <Link to=".">Stand vernieuwen</Link>
          </p>
        </div>
      ) : null}
      {run.status === 'rejected' && run.report ? <RejectedReport report={{ fileName: run.fileName, ...run.report }} /> : null}
      {run.status === 'imported' && run.report?.warnings.length ? (
        <ImportIssuesTable caption="Opmerkingen: zo is het bestand anders opgeslagen dan het er staat" issues={run.report.warnings} />
      ) : null}
      {active ? null : (
        <p className="mt-8">
          <Link to={uploadAgain}>Een ander bestand importeren</Link>
        </p>
      )}
    </>
  )
}
