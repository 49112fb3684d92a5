import { Form } from '@remix-run/react'
import { allowedTransitions, canTransition, type PlacementStatus, publishTarget } from '#domain/placement-lifecycle'
import { statusLabels } from '#domain/placement-values'

const actionLabels: Partial<Record<PlacementStatus, string>> = {
  draft: 'Terug naar ontwerp',
  paused: 'Pauzeren',
  filled: 'Markeren als ingevuld',
  closed: 'Afsluiten',
}

/**
 * The status steps this placement can take now, as buttons (intent "status:<to>"). "Publiceren" is one button
 * whatever the employer's verification: the server decides whether it lands on published or on submitted.
 */
export function PlacementStatusActions({ status, verified, error }: { status: PlacementStatus; verified: boolean; error?: string }) {
  const target = publishTarget(verified)
  const canPublish = target !== status && canTransition(status, target)
  const others = allowedTransitions(status).filter((to) => to !== 'published' && to !== 'submitted')
  return (
    <section aria-labelledby="status-title" className="card mt-6 max-w-3xl">
      <h2 id="status-title">Status: {statusLabels[status].label}</h2>
      {statusLabels[status].help ? <p className="mt-1">{statusLabels[status].help}</p> : null}
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {canPublish || others.length > 0 ? (
        <Form method="post" className="mt-4 flex flex-wrap items-center gap-3">
          {canPublish ? (
            <button type="submit" name="intent" value="status:published" className="btn-primary" aria-describedby={verified ? undefined : 'status-publish-note'}>
              Publiceren
            </button>
          ) : null}
          {others.map((to) => (
            <button key={to} type="submit" name="intent" value={`status:${to}`} className="btn-secondary">
              {actionLabels[to]}
            </button>
          ))}
        </Form>
      ) : (
        <p className="mt-2">Een afgesloten plaats kan niet meer van status veranderen.</p>
      )}
      {canPublish && !verified ? (
        <p id="status-publish-note" className="mt-2 text-sm text-slate-700">
          Zichtbaar zodra uw organisatie geverifieerd is.
        </p>
      ) : null}
      {others.includes('closed') ? <p className="mt-2 text-sm text-slate-700">Afsluiten is definitief: een afgesloten plaats kan niet meer open.</p> : null}
    </section>
  )
}
