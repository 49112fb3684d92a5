import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { trainingOutcomeSchema, trainingRequestSchema } from '#domain/training-form'
import { trainingOutcomeLabels, trainingOutcomes, trainingRefusalReasonLabels, trainingRefusalReasons } from '#domain/trajectory-values'
import type { TrainingView } from './training-section'

type Result = SubmissionResult<string[]> | undefined

/** A new training request in the open trajectory: who gives which course, when it was asked, and its dates if known. */
export function TrainingRequestForm({ today, lastResult }: { today: string; lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'training-request',
    lastResult,
    defaultValue: { requestedOn: today },
    constraint: getZodConstraint(trainingRequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trainingRequestSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="request" />
      <Field label="Opleiding" errors={fields.course.errors} inputProps={inputProps(fields.course, { type: 'text' })} />
      <Field label="Opleidingsverstrekker" help="Bijvoorbeeld een CVO, VDAB of een sectorfonds." errors={fields.provider.errors} inputProps={inputProps(fields.provider, { type: 'text' })} />
      <Field label="Aangevraagd op" errors={fields.requestedOn.errors} inputProps={inputProps(fields.requestedOn, { type: 'date' })} />
      <Field label="Start van de opleiding (niet verplicht)" errors={fields.startOn.errors} inputProps={inputProps(fields.startOn, { type: 'date' })} />
      <Field label="Einde van de opleiding (niet verplicht)" errors={fields.endOn.errors} inputProps={inputProps(fields.endOn, { type: 'date' })} />
      <button type="submit" className="btn-primary">
        Opleiding aanvragen
      </button>
    </Form>
  )
}

/** What came of one request; a refusal needs a reason from the learning network's list, so refusals can be counted. */
export function TrainingOutcomeForm({ training, lastResult }: { training: TrainingView; lastResult: Result }) {
  const [form, fields] = useForm({
    id: `training-${training.id}`,
    lastResult,
    defaultValue: { outcome: training.outcome, refusalReason: training.refusalReason ?? '' },
    constraint: getZodConstraint(trainingOutcomeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trainingOutcomeSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" name="trainingId" value={training.id} />
      <SelectField meta={fields.outcome} label="Uitkomst" options={trainingOutcomes.map((value) => ({ value, label: trainingOutcomeLabels[value] }))} />
      <SelectField
        meta={fields.refusalReason}
        label="Reden van weigering"
        help="Alleen bij een geweigerde opleiding."
        options={trainingRefusalReasons.map((value) => ({ value, label: trainingRefusalReasonLabels[value] }))}
      />
      <TextAreaField meta={fields.note} label="Toelichting (niet verplicht)" help="Een nieuwe toelichting vervangt de vorige." rows={2} />
      <button type="submit" className="btn-secondary">
        Uitkomst opslaan
      </button>
    </Form>
  )
}
