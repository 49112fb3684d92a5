import { formatDate } from '#domain/compensation-labels'
import { type EvaluationKind, evaluationKindLabels, type EvaluationScore, evaluationScaleLabels } from '#domain/trajectory-values'

type Score = { goal: string; score: EvaluationScore; comment?: string }
export type EvaluationView = { id: string; kind: EvaluationKind; heldOn: string; phaseId: string | null; goals: Score[]; summary: string; popVersion: number | null }
export type WorkFloorView = { id: string; phaseId: string; dueOn: string; answers: Score[] | null; comment: string | null; answeredAt: string | null }

/** Evaluations held (newest first) and the employer's work-floor forms, each tied to its phase by number. */
export function EvaluationsSection({ evaluations, workFloor, phaseNumber }: { evaluations: EvaluationView[]; workFloor: WorkFloorView[]; phaseNumber: (phaseId: string | null) => number | undefined }) {
  return (
    <section aria-labelledby="evaluations-title" className="mt-6 max-w-3xl">
      <h2 id="evaluations-title">Evaluaties</h2>
      {evaluations.length === 0 ? <p className="mt-2">Nog geen evaluatie.</p> : null}
      <ol className="mt-2 space-y-3">
        {[...evaluations].reverse().map((e) => {
          const phase = phaseNumber(e.phaseId)
          return (
            <li key={e.id}>
              <p className="font-semibold">
                {evaluationKindLabels[e.kind]} op {formatDate(e.heldOn)}
                {phase ? `, fase ${phase}` : ''}
                {e.popVersion ? ` → POP versie ${e.popVersion}` : ''}
              </p>
              <Scores scores={e.goals} />
              <p className="whitespace-pre-line">{e.summary}</p>
            </li>
          )
        })}
      </ol>
      {workFloor.length > 0 ? (
        <>
          <h3 className="mt-4 font-semibold">Evaluaties op de werkvloer door de werkgever</h3>
          <ul className="mt-2 space-y-3">
            {workFloor.map((w) => (
              <li key={w.id}>
                <p>
                  Fase {phaseNumber(w.phaseId) ?? '?'}:{' '}
                  {w.answeredAt ? `ingevuld op ${formatDate(w.answeredAt.slice(0, 10))}` : `gevraagd, nog niet ingevuld (graag tegen ${formatDate(w.dueOn)})`}
                </p>
                {w.answers ? <Scores scores={w.answers} /> : null}
                {w.comment ? <p className="whitespace-pre-line">Opmerking van de werkgever: {w.comment}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

function Scores({ scores }: { scores: Score[] }) {
  return (
    <ul className="list-disc pl-6">
      {scores.map((s) => (
        <li key={s.goal}>
          {s.goal}: {evaluationScaleLabels[s.score]}
          {s.comment ? ` — ${s.comment}` : ''}
        </li>
      ))}
    </ul>
  )
}
