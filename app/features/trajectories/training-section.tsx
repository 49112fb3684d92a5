import { Link } from '@remix-run/react'
import { formatDate } from '#domain/compensation-labels'
import { type TrainingOutcome, trainingOutcomeLabels, type TrainingRefusalReason, trainingRefusalReasonLabels } from '#domain/trajectory-values'

export type TrainingView = {
  id: string
  provider: string
  course: string
  requestedOn: string
  startOn: string | null
  endOn: string | null
  outcome: TrainingOutcome
  refusalReason: TrainingRefusalReason | null
  note: string | null
}

/** One request in a line: the course, who gives it, when, and what came of it (with the reason of a refusal). */
export function TrainingSummary({ training: t }: { training: TrainingView }) {
  const period = t.startOn ? ` (${formatDate(t.startOn)}${t.endOn ? ` – ${formatDate(t.endOn)}` : ''})` : ''
  return (
    <>
      <span className="font-semibold">{t.course}</span> bij {t.provider}
      {period}, aangevraagd op {formatDate(t.requestedOn)}. Uitkomst: {trainingOutcomeLabels[t.outcome]}
      {t.refusalReason ? ` — ${trainingRefusalReasonLabels[t.refusalReason]}` : ''}.{t.note ? <span className="block whitespace-pre-line">{t.note}</span> : null}
    </>
  )
}

/** The trajectory overview's short "Opleidingen" part, with the way to the page where requests are added and followed up. */
export function TrainingSection({ trainings, href }: { trainings: TrainingView[]; href: string }) {
  return (
    <section aria-labelledby="trainings-title" className="mt-6 max-w-3xl">
      <h2 id="trainings-title">Opleidingen</h2>
      {trainings.length === 0 ? (
        <p className="mt-2">Nog geen opleiding aangevraagd.</p>
      ) : (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {trainings.map((t) => (
            <li key={t.id}>
              <TrainingSummary training={t} />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3">
        <Link to={href}>Opleidingen aanvragen of een uitkomst noteren</Link>
      </p>
    </section>
  )
}
