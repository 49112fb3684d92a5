import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { finalReportSchema } from '#domain/final-report-form'
import { icfCodes, icfQualifierLabels, icfQualifiers, icfTitle } from '#domain/icf'
import { endOutcomeLabels, endOutcomes, stopReasonLabels, stopReasons } from '#domain/trajectory-values'
import { GoalScoreRows } from './goal-score-rows'

type Props = { goals: string[]; today: string; lastResult?: SubmissionResult<string[]> }

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }))

/**
 * Stopping or ending the trajectory with its motivated final report: per goal of the POP the result, the ICF
 * activities the begeleider assessed (one select each; left on "– Kies –" it is not assessed), the outcome and a
 * recommendation. One form, without JavaScript: every goal and every ICF code is a row of its own.
 */
export function CloseForm({ goals, today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'trajectory-close',
    lastResult,
    defaultValue: { endedOn: today, goals: goals.map((goal) => ({ goal })), icf: icfCodes.map((code) => ({ code })) },
    constraint: getZodConstraint(finalReportSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: finalReportSchema }),
    shouldRevalidate: 'onInput',
  })
  const goalRows = fields.goals.getFieldList()
  const icfRows = fields.icf.getFieldList()
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <ChoiceGroup
        meta={fields.closing}
        type="radio"
        legend="Stopt of eindigt het traject?"
        choices={[
          { value: 'stop', label: 'Stopzetten', help: 'Het traject stopt voor het afgesproken einde. Kies hieronder waarom.' },
          { value: 'end', label: 'Beëindigen', help: 'Het traject is afgelopen zoals afgesproken.' },
        ]}
      />
      <Field label="Datum" errors={fields.endedOn.errors} inputProps={inputProps(fields.endedOn, { type: 'date' })} />
      <SelectField meta={fields.stopReason} label="Reden van stopzetten (alleen bij stopzetten)" options={options(stopReasons, stopReasonLabels)} />
      <fieldset className="mb-6">
        <legend className="field-label">Resultaat per doel van het POP</legend>
        {goalRows.length === 0 ? <p>Het POP heeft geen doelen.</p> : null}
        <GoalScoreRows rows={goalRows} goals={goals} scoreField="result" commentLabel={(goal) => `Toelichting bij ${goal || 'dit doel'} (niet verplicht)`} />
      </fieldset>
      <fieldset className="mb-6" aria-describedby={fields.icf.errors?.length ? fields.icf.errorId : undefined}>
        <legend className="field-label">Functioneren in ICF-termen</legend>
        <p className="text-sm text-slate-700">Beoordeel wat je zag op de werkvloer; laat "– Kies –" staan bij wat je niet beoordeelde. Codes en titels: ICF (WHO).</p>
        {fields.icf.errors?.length ? (
          <p id={fields.icf.errorId} className="field-error">
            {fields.icf.errors.join(' ')}
          </p>
        ) : null}
        {icfRows.map((row, index) => {
          const rating = row.getFieldset()
          const code = icfCodes[index]!
          return (
            <div key={row.key}>
              <input {...inputProps(rating.code, { type: 'hidden' })} />
              <SelectField meta={rating.qualifier} label={`${code} ${icfTitle(code)}`} options={options(icfQualifiers, icfQualifierLabels)} />
            </div>
          )
        })}
      </fieldset>
      <ChoiceGroup meta={fields.outcome} type="radio" legend="Uitkomst" choices={options(endOutcomes, endOutcomeLabels)} />
      <TextAreaField meta={fields.recommendation} label="Aanbeveling" help="Wat de persoon nu nodig heeft, en van wie." rows={5} />
      <button type="submit" className="btn-primary">
        Traject afsluiten met dit eindverslag
      </button>
    </Form>
  )
}
