import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { reviewMappingSchema } from '#domain/search-terms'

/** A platform admin's decision on one open proposal: accept, or reject with a reason. */
export function ReviewForm({ mappingId, term, lastResult }: { mappingId: string; term: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `review-${mappingId}`,
    defaultValue: { intent: 'review', mappingId },
    lastResult,
    constraint: getZodConstraint(reviewMappingSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: reviewMappingSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-2" aria-label={`Voorstel voor "${term}" beoordelen`}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="review" />
      <input type="hidden" name="mappingId" value={mappingId} />
      <TextAreaField meta={fields.reason} label="Reden (nodig bij afwijzen)" rows={2} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="accept" className="btn-primary">
          Aanvaarden
        </button>
        <button type="submit" name="decision" value="reject" className="btn-secondary">
          Afwijzen
        </button>
      </div>
    </Form>
  )
}
