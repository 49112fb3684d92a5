import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { SelectField, TextAreaField } from '#app/components/conform-fields'
import { Field, SelectField as PlainSelectField } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { HandOverNoteField } from './follow-up-forms'
import { formatDate } from '#domain/compensation-labels'
import { type TransferStatus, transferDecisionSchema, transferRequestSchema, transferStatusLabels } from '#domain/trajectory-transfer'

type Result = SubmissionResult<string[]> | undefined
export type MunicipalityStepView = { text: string; choices: { nis: string; name: string }[]; error: string | null }

/** Step 1, a GET form so it works without JavaScript: the new municipality by postcode or name, as for Woonplaats. */
export function MunicipalityStep({ step }: { step: MunicipalityStepView }) {
  return (
    <Form method="get" className="mt-4 max-w-3xl">
      <Field
        label="Nieuwe woonplaats"
        help="De postcode of de naam van de gemeente, bijvoorbeeld 9000 of Gent."
        errors={step.error ? [step.error] : undefined}
        inputProps={{ name: 'gemeente', defaultValue: step.text, autoComplete: 'off', maxLength: 60 }}
      />
      {step.choices.length > 0 ? <PlainSelectField label="Gemeente" options={step.choices.map((c) => ({ value: c.nis, label: c.name }))} selectProps={{ name: 'nis' }} /> : null}
      <button type="submit" className="btn-secondary">
        Zoek wie de gemeente bedient
      </button>
    </Form>
  )
}

/** Step 2: the receiving organisation among those serving the municipality, and the warm-hand-over note. */
export function TransferRequestForm(props: { municipality: { nis: string; name: string }; targets: { id: string; name: string }[]; lastResult: Result }) {
  const { municipality, targets, lastResult } = props
  const [form, fields] = useForm({
    id: 'transfer-request',
    lastResult,
    defaultValue: { organisationId: targets.length === 1 ? targets[0]!.id : undefined },
    constraint: getZodConstraint(transferRequestSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transferRequestSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="request" />
      <input type="hidden" name="municipalityNis" value={municipality.nis} />
      <SelectField meta={fields.organisationId} label={`Wie neemt over in ${municipality.name}`} options={targets.map((t) => ({ value: t.id, label: t.name }))} />
      <HandOverNoteField meta={fields.note} reader="het nieuwe team" />
      <button type="submit" className="btn-primary">
        Overdracht voorstellen
      </button>
    </Form>
  )
}

type SentTransfer = { id: string; to: string; municipality: string; status: TransferStatus; declineReason: string | null; requestedAt: string; decidedAt: string | null }

/** The transfers the sender proposed, with a button to withdraw the pending one. */
export function SentTransfers({ transfers }: { transfers: SentTransfer[] }) {
  return (
    <ul className="mt-2 max-w-3xl space-y-3">
      {transfers.map((t) => (
        <li key={t.id} className="card">
          <p>
            <strong>{t.to}</strong> ({t.municipality}), voorgesteld op {formatDate(t.requestedAt.slice(0, 10))}: {transferStatusLabels[t.status].toLowerCase()}
            {t.decidedAt ? ` op ${formatDate(t.decidedAt.slice(0, 10))}` : ''}.
          </p>
          {t.declineReason ? <p className="mt-1 whitespace-pre-line">Waarom niet: {t.declineReason}</p> : null}
          {t.status === 'pending' ? (
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="withdraw" />
              <button type="submit" className="btn-secondary">
                Overdracht intrekken
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** The receiver's decision: accept at once, or decline with a reason the sender reads. */
export function TransferDecisionForms({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'transfer-decline',
    lastResult,
    constraint: getZodConstraint(transferDecisionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: transferDecisionSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mt-6 max-w-3xl space-y-6">
      <Form method="post">
        <input type="hidden" name="intent" value="accept" />
        <button type="submit" className="btn-primary">
          Traject overnemen
        </button>
      </Form>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="decline" />
        <TextAreaField meta={fields.reason} label="Waarom neem je het traject niet over?" help="De begeleider van de cliënt leest dit in Stapsteen. Hoogstens 1000 tekens." rows={4} />
        <button type="submit" className="btn-secondary">
          Weigeren
        </button>
      </Form>
    </div>
  )
}
