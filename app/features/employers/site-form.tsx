import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { siteSchema, type SiteInput } from '#domain/employer-registration'
import { ErrorSummary } from '#app/components/error-summary'
import { type SharedPostcodes, SiteFields } from './site-fields'

type Props = {
  id: string
  intent: 'add-site' | 'edit-site'
  siteId?: string
  defaultValue?: Partial<SiteInput>
  lastResult?: SubmissionResult<string[]>
  sharedPostcodes: SharedPostcodes
  submitLabel: string
}

/** Adds a site or changes one on the employer's organisation page; the server checks the postcode. */
export function SiteForm({ id, intent, siteId, defaultValue, lastResult, sharedPostcodes, submitLabel }: Props) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue,
    constraint: getZodConstraint(siteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: siteSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3">
      <input type="hidden" name="intent" value={intent} />
      {siteId ? <input type="hidden" name="siteId" value={siteId} /> : null}
      <ErrorSummary form={form} />
      <SiteFields fields={fields} sharedPostcodes={sharedPostcodes} />
      <button type="submit" className="btn-primary">
        {submitLabel}
      </button>
    </Form>
  )
}
