import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, SelectField, TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { begeleiderChangeSchema, outflowSchema } from '#domain/trajectory-follow-up'
import { endOutcomeLabels, endOutcomes } from '#domain/trajectory-values'

type Result = SubmissionResult<string[]> | undefined

/** Handing the trajectory to a colleague, with the warm-hand-over note the colleague reads on the overview. */
export function BegeleiderChangeForm({ colleagues, lastResult }: { colleagues: { id: string; name: string }[]; lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'begeleider-change',
    lastResult,
    constraint: getZodConstraint(begeleiderChangeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: begeleiderChangeSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <SelectField meta={fields.toUserId} label="Nieuwe trajectbegeleider" options={colleagues.map(({ id, name }) => ({ value: id, label: name }))} />
      <HandOverNoteField meta={fields.note} reader="je collega" />
      <button type="submit" className="btn-primary">
        Traject overdragen
      </button>
    </Form>
  )
}

/** The warm-hand-over note, for a colleague or (after a move) another team; it never goes into the mail. */
export function HandOverNoteField({ meta, reader }: { meta: Parameters<typeof TextAreaField>[0]['meta']; reader: string }) {
  const help = `Wat ${reader} moet weten om goed verder te gaan: afspraken, wat loopt, wat werkt. Hoogstens 2000 tekens. De nota staat niet in de e-mail.`
  return <TextAreaField meta={meta} label="Overdrachtsnota" help={help} rows={6} />
}

/** The outflow status three months after the end: where the person stands now, from the final report's list. */
export function OutflowForm({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'outflow',
    lastResult,
    constraint: getZodConstraint(outflowSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outflowSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <ChoiceGroup meta={fields.outflowStatus} type="radio" legend="Waar staat de persoon nu?" choices={endOutcomes.map((value) => ({ value, label: endOutcomeLabels[value] }))} />
      <button type="submit" className="btn-primary">
        Uitstroom opslaan
      </button>
    </Form>
  )
}
