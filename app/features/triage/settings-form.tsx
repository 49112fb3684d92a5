import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { barrierLabels, type IntakeBarrier } from '#domain/triage-labels'
import type { TriageSettings } from '#domain/triage-rules'
import { lifeDomains, type TriageSettingsFields, triageSettingsSchema } from '#domain/triage-settings-form'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { ChoiceGroup, inputProps } from '#app/components/conform-fields'

const barrierChoices = (Object.keys(barrierLabels) as IntakeBarrier[]).map((value) => ({ value, label: barrierLabels[value] }))

/** The settings of one reference region: the first-contact timer and the parameters of the suggestion rules. */
type Props = { defaultValue: TriageSettings & { regionCode: string }; lastResult?: SubmissionResult<string[]>; regionName: string }

export function TriageSettingsForm({ defaultValue, lastResult, regionName }: Props) {
  const [form, fields] = useForm<TriageSettingsFields>({
    id: `triage-settings-${defaultValue.regionCode}`,
    defaultValue,
    lastResult,
    constraint: getZodConstraint(triageSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: triageSettingsSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <input {...inputProps(fields.regionCode, { type: 'hidden' })} />
      <Field
        label="Eerste contact binnen (werkdagen)"
        help="Hoeveel werkdagen na de aanmelding het OCMW of VDAB de inwoner uiterlijk contacteert. Van 1 tot 30."
        errors={fields.firstContactWorkingDays.errors}
        inputProps={{ ...inputProps(fields.firstContactWorkingDays, { type: 'number' }), inputMode: 'numeric', className: 'w-32' }}
      />
      <Field
        label="Leeftijdsgrens voor jongeren (jaar)"
        help="Wie jonger is en geen opleiding volgt, krijgt de suggestie VDAB. Van 16 tot 30."
        errors={fields.youthAgeLimit.errors}
        inputProps={{ ...inputProps(fields.youthAgeLimit, { type: 'number' }), inputMode: 'numeric' }}
      />
      <ChoiceGroup
        meta={fields.welfareBarriers}
        type="checkbox"
        legend="Welzijnsdrempels"
        help="Wie minstens één van deze drempels aanduidt, krijgt de suggestie OCMW."
        choices={barrierChoices}
      />
      <Field
        label="Samen vanaf (aantal levensdomeinen)"
        help={`Drempels in zoveel verschillende levensdomeinen of meer geven de suggestie "OCMW en VDAB samen". De levensdomeinen: ${lifeDomains.join(', ')}.`}
        errors={fields.jointDomainThreshold.errors}
        inputProps={{ ...inputProps(fields.jointDomainThreshold, { type: 'number' }), inputMode: 'numeric' }}
      />
      <button type="submit" className="btn-primary">
        Instellingen voor {regionName} bewaren
      </button>
    </Form>
  )
}
