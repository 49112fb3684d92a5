import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { declineReasonLabels, type DecisionFormFields, decisionFormSchema } from '#domain/proposal-form'
import { ChoiceGroup, TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'

/**
 * The employer's two answers to an open proposal, each its own form (intent "accept" or "decline"): accepting
 * needs nothing more, declining needs a reason from the list.
 */
export function ProposalDecision({ places, lastResult }: { places: number; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm<DecisionFormFields>({
    id: 'decline',
    lastResult,
    constraint: getZodConstraint(decisionFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionFormSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <section aria-labelledby="accept-title" className="card mt-6 max-w-3xl">
        <h2 id="accept-title">Aanvaarden</h2>
        {places > 0 ? (
          <>
            <p className="mt-1">
              {places === 1 ? 'Dit is de laatste vrije plaats: aanvaarden vult ze, en de plaats wordt "Ingevuld".' : `Aanvaarden vult één van de ${places} vrije plaatsen.`}{' '}
              De begeleider krijgt een e-mail en neemt contact met u op.
            </p>
            <Form method="post" className="mt-4">
              <button type="submit" name="intent" value="accept" className="btn-primary">
                Voorstel aanvaarden
              </button>
            </Form>
          </>
        ) : (
          <p className="mt-1">Er is geen vrije plaats meer. Wilt u de kandidaat toch, verhoog dan eerst het aantal plaatsen bij de plaats zelf.</p>
        )}
      </section>
      <section aria-labelledby="decline-title" className="card mt-6 max-w-3xl">
        <h2 id="decline-title">Afwijzen</h2>
        <Form method="post" {...getFormProps(form)} className="mt-3">
          <ErrorSummary form={form} />
          <ChoiceGroup
            meta={fields.reason}
            type="radio"
            legend="Waarom wijst u het voorstel af?"
            help="De begeleider krijgt de reden, zodat hij of zij gerichter verder zoekt."
            choices={Object.entries(declineReasonLabels).map(([value, label]) => ({ value, label }))}
          />
          <TextAreaField meta={fields.note} label="Toelichting" help='Niet verplicht, behalve bij "Een andere reden".' rows={3} />
          <button type="submit" name="intent" value="decline" className="btn-secondary">
            Voorstel afwijzen
          </button>
        </Form>
      </section>
    </>
  )
}
