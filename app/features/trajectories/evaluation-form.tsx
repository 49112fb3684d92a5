import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { evaluationSchema, workFloorRequestSchema } from '#domain/evaluation-form'
import { evaluationKindLabels, evaluationKinds } from '#domain/trajectory-values'
import { GoalScoreRows } from './goal-score-rows'

export type PhaseChoice = { id: string; label: string; atPlacement: boolean }
type Plan = { competences: string[]; actions: string; agreements: string }
type Props = { goals: string[]; plan: Plan; phases: PhaseChoice[]; runningPhaseId: string | null; today: string; lastResult?: SubmissionResult<string[]> }

/**
 * The evaluation talk: which moment, per goal how far the person stands, what was concluded, and the POP as it stands
 * afterwards (prefilled with the current version), saved as the next POP version with the conclusion as its note.
 */
export function EvaluationForm({ goals, plan, phases, runningPhaseId, today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'evaluation',
    lastResult,
    defaultValue: { kind: 'periodic', heldOn: today, phaseId: runningPhaseId ?? '', scores: goals.map((goal) => ({ goal })), ...plan, competences: plan.competences.join('\n') },
    constraint: getZodConstraint(evaluationSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: evaluationSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <input type="hidden" name="intent" value="evaluate" />
      <ErrorSummary form={form} />
      <ChoiceGroup meta={fields.kind} type="radio" legend="Soort evaluatie" choices={evaluationKinds.map((value) => ({ value, label: evaluationKindLabels[value] }))} />
      <Field label="Datum van het gesprek" errors={fields.heldOn.errors} inputProps={inputProps(fields.heldOn, { type: 'date' })} />
      <SelectField meta={fields.phaseId} label="Over welke fase (niet verplicht)" options={phases.map((p) => ({ value: p.id, label: p.label }))} />
      <fieldset className="mb-6">
        <legend className="field-label">Hoe ver staat de persoon per doel?</legend>
        <GoalScoreRows rows={fields.scores.getFieldList()} goals={goals} commentLabel={(goal) => `Toelichting bij ${goal} (niet verplicht)`} />
      </fieldset>
      <TextAreaField meta={fields.summary} label="Wat stelden jullie vast, en wat spraken jullie af?" help="Dit wordt de toelichting bij de nieuwe versie van het POP." rows={4} />
      <fieldset className="mb-6">
        <legend className="field-label">Het POP na deze evaluatie</legend>
        <p className="text-sm text-slate-700">Ingevuld met de huidige versie; pas aan wat verandert.</p>
        <TextAreaField meta={fields.competences} label="Competenties om te ontwikkelen" help="Eén per regel." rows={5} />
        <TextAreaField meta={fields.actions} label="Acties" rows={4} />
        <TextAreaField meta={fields.agreements} label="Afspraken" rows={3} />
      </fieldset>
      <button type="submit" className="btn-primary">
        Evaluatie en nieuwe POP-versie bewaren
      </button>
    </Form>
  )
}

/** Asks the employer of a phase at a Stapsteen placement for the work-floor form (mailed link to their portal). */
export function WorkFloorRequestForm({ phases, defaultDueOn, lastResult }: { phases: PhaseChoice[]; defaultDueOn: string; lastResult?: SubmissionResult<string[]> }) {
  const atPlacements = phases.filter((p) => p.atPlacement)
  const [form, fields] = useForm({
    id: 'work-floor-request',
    lastResult,
    defaultValue: { phaseId: atPlacements.at(-1)?.id ?? '', dueOn: defaultDueOn },
    constraint: getZodConstraint(workFloorRequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workFloorRequestSchema }),
    shouldRevalidate: 'onInput',
  })
  if (atPlacements.length === 0) return <p className="mt-2">Geen fase bij een werkgever op Stapsteen: noteer de inbreng van de werkvloer zelf, als evaluatie op de werkvloer.</p>
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <input type="hidden" name="intent" value="work-floor" />
      <ErrorSummary form={form} />
      <SelectField meta={fields.phaseId} label="Fase" options={atPlacements.map((p) => ({ value: p.id, label: p.label }))} />
      <Field label="Graag ingevuld tegen" errors={fields.dueOn.errors} inputProps={inputProps(fields.dueOn, { type: 'date' })} />
      <button type="submit" className="btn-secondary">
        Vraag de werkgever om de evaluatie op de werkvloer
      </button>
    </Form>
  )
}
