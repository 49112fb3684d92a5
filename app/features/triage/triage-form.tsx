import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { ErrorSummary } from '#app/components/error-summary'

export type TriageResult = SubmissionResult<string[]> | undefined
/** Who works on the file: the triage actions show what fits their organisation. */
export type Viewer = { id: string; organisation: string; organisationType: string }

/** A Conform form of the intake page, checked with the same schema in the browser and on the server. */
export function useTriageForm<S extends z.ZodTypeAny>(id: string, schema: S, lastResult: TriageResult) {
  return useForm<z.input<S>>({
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
}

type TriageForm = ReturnType<typeof useTriageForm>[0]

/** One action's form: its errors about the whole form first, then its fields, then its submit button. */
export function TriageActionForm({ form, intent, submit, children }: { form: TriageForm; intent: string; submit: string; children?: ReactNode }) {
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3">
      <ErrorSummary form={form} />
      {children}
      <button type="submit" name="intent" value={intent} className="btn-secondary">
        {submit}
      </button>
    </Form>
  )
}

/** A form that is just one button (claim, register contact, accept): nothing to fill in, nothing to check. */
export function TriageButton({
  intent,
  children,
  primary,
  hidden,
}: {
  intent: string
  children: ReactNode
  primary?: boolean
  hidden?: Record<string, string>
}) {
  return (
    <Form method="post" className="inline">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={primary ? 'btn-primary' : 'btn-secondary'}>
        {children}
      </button>
    </Form>
  )
}
