import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { inputProps, SelectField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { resumeSchema, suspendSchema } from '#domain/suspension-form'
import { suspensionReasonLabels, suspensionReasons } from '#domain/trajectory-values'

type Props = { today: string; lastResult?: SubmissionResult<string[]> }

/** Suspending an active trajectory: from which day, and why (a reason from the list). */
export function SuspendForm({ today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'suspend',
    lastResult,
    defaultValue: { fromOn: today },
    constraint: getZodConstraint(suspendSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: suspendSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="suspend" />
      <Field label="Geschorst vanaf" errors={fields.fromOn.errors} inputProps={inputProps(fields.fromOn, { type: 'date' })} />
      <SelectField meta={fields.reason} label="Reden" options={suspensionReasons.map((value) => ({ value, label: suspensionReasonLabels[value] }))} />
      <button type="submit" className="btn-primary">
        Traject schorsen
      </button>
    </Form>
  )
}

/** Taking a suspended trajectory up again: the day guidance resumes. */
export function ResumeForm({ today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'resume',
    lastResult,
    defaultValue: { toOn: today },
    constraint: getZodConstraint(resumeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resumeSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="resume" />
      <Field label="Begeleiding hervat op" errors={fields.toOn.errors} inputProps={inputProps(fields.toOn, { type: 'date' })} />
      <button type="submit" className="btn-primary">
        Begeleiding hervatten
      </button>
    </Form>
  )
}
