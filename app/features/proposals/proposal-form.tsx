import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { ErrorSummary } from '#app/components/error-summary'
import { clientDutchLevelLabels } from '#domain/client-form'
import { type ProposalFormFields, proposalFormSchema, type ShareField, shareLabels, type shareableValues } from '#domain/proposal-form'
import { ChoiceGroup, inputProps, TextAreaField } from '#app/components/conform-fields'

type Props = {
  placementId: string
  values: ReturnType<typeof shareableValues>
  lastResult?: SubmissionResult<string[]>
}

/** The value each box would share, as the employer would read it; undefined when the record holds none. */
function shownValue(field: ShareField, values: Props['values']) {
  if (field === 'competences') return values.competences.length > 0 ? values.competences.join(', ') : undefined
  if (field === 'dutchLevel') return clientDutchLevelLabels[values.dutchLevel].label
  return values[field] ?? undefined
}

/**
 * The caseworker's proposal: which of the client's data the client agreed to share (nothing is ticked in
 * advance), the client's consent, and a message. The server builds the shared snapshot from the record itself.
 */
export function ProposalForm({ placementId, values, lastResult }: Props) {
  const [form, fields] = useForm<ProposalFormFields>({
    id: 'proposal',
    lastResult,
    defaultValue: { placementId },
    constraint: getZodConstraint(proposalFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposalFormSchema }),
    shouldRevalidate: 'onInput',
  })
  const fieldsWithValues = (Object.keys(shareLabels) as ShareField[]).map((field) => ({ field, value: shownValue(field, values) }))
  const missing = fieldsWithValues.filter((f) => f.value === undefined).map((f) => shareLabels[f.field])
  const consent = inputProps(fields.consent, { type: 'checkbox' })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <input {...inputProps(fields.placementId, { type: 'hidden' })} />
      <ChoiceGroup
        meta={fields.share}
        type="checkbox"
        legend="De cliënt gaat akkoord om te delen:"
        help="Alleen wat je aanvinkt, ziet de werkgever. Onder elk vakje staat wat er gedeeld wordt."
        choices={fieldsWithValues.filter((f) => f.value !== undefined).map((f) => ({ value: f.field, label: shareLabels[f.field], help: f.value }))}
      />
      {missing.length > 0 ? <p className="-mt-3 mb-6 text-sm text-slate-700">Niet in het dossier, dus niet te delen: {missing.join(', ')}.</p> : null}
      <div className="mb-6">
        <div className="flex items-start gap-2">
          <input {...consent} className="mt-1 size-5 shrink-0" />
          <label htmlFor={fields.consent.id} className="font-semibold">
            De cliënt gaat akkoord met dit voorstel en met het delen van wat hierboven is aangevinkt.
          </label>
        </div>
        {fields.consent.errors?.length ? (
          <p id={fields.consent.errorId} className="field-error">
            {fields.consent.errors.join(' ')}
          </p>
        ) : null}
      </div>
      <TextAreaField
        meta={fields.message}
        label="Bericht aan de werkgever (niet verplicht)"
        help="Bijvoorbeeld wanneer de cliënt kan komen kennismaken. Schrijf hier niets wat de cliënt niet wil delen."
      />
      <button type="submit" className="btn-primary">
        Voorstel versturen
      </button>
    </Form>
  )
}
