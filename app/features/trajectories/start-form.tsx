import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, inputProps, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { EXTERNAL_WORKPLACE, NO_WORKPLACE, trajectoryKindHelp, trajectoryStartSchema } from '#domain/trajectory-form'
import { trajectoryKindLabels, trajectoryKinds } from '#domain/trajectory-values'

export type AcceptedProposal = { id: string; title: string; employer: string }

type Props = { proposals: AcceptedProposal[]; today: string; lastResult?: SubmissionResult<string[]> }

/**
 * Starting a TWE trajectory: the kind, why the person enters, the dates the framework asks for, and the first
 * workplace (an accepted proposal's placement, a workplace outside Stapsteen, or none yet). Works without JavaScript:
 * the fields of both kinds are shown, and each says when it applies.
 */
export function TrajectoryStartForm({ proposals, today, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'trajectory-start',
    lastResult,
    defaultValue: { startOn: today, workplace: proposals[0]?.id ?? NO_WORKPLACE },
    constraint: getZodConstraint(trajectoryStartSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: trajectoryStartSchema }),
    shouldRevalidate: 'onInput',
  })
  const workplaces = [
    ...proposals.map((p) => ({ value: p.id, label: `${p.title} bij ${p.employer}`, help: 'Aanvaard voorstel: de eerste fase start op deze plaats.' })),
    { value: EXTERNAL_WORKPLACE, label: 'Een werkplek buiten Stapsteen' },
    { value: NO_WORKPLACE, label: 'Nog geen werkplek' },
  ]
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="start" />
      <ChoiceGroup
        meta={fields.kind}
        type="radio"
        legend="Soort traject"
        choices={trajectoryKinds.map((kind) => ({ value: kind, label: trajectoryKindLabels[kind], help: trajectoryKindHelp[kind] }))}
      />
      <TextAreaField meta={fields.entryReason} label="Waarom stapt de persoon in TWE?" help="Stap 1 van het afsprakenkader: wat de persoon wil bereiken en waarom werkervaring daarbij helpt." />
      <Field
        label="Instapcriteria beoordeeld op (alleen TWE-art60)"
        help="Het traject start niet vroeger dan deze dag."
        errors={fields.criteriaAssessedOn.errors}
        inputProps={inputProps(fields.criteriaAssessedOn, { type: 'date' })}
      />
      <Field
        label="Startdatum"
        help="Bij TWE-werkzoekende is dit de dag van de doorverwijzing: het traject loopt dan 24 maanden."
        errors={fields.startOn.errors}
        inputProps={inputProps(fields.startOn, { type: 'date' })}
      />
      <Field
        label="Start arbeidsovereenkomst (alleen TWE-art60, niet verplicht)"
        help="Mag later dan de start van het traject, hoogstens 2 maanden later."
        errors={fields.contractStartOn.errors}
        inputProps={inputProps(fields.contractStartOn, { type: 'date' })}
      />
      <ChoiceGroup meta={fields.workplace} type="radio" legend="Eerste werkplek" choices={workplaces} />
      <Field
        label="Werkplek buiten Stapsteen"
        help="Alleen als je hierboven een werkplek buiten Stapsteen kiest: de werkgever en de job."
        errors={fields.externalWorkplace.errors}
        inputProps={inputProps(fields.externalWorkplace, { type: 'text' })}
      />
      <Field
        label="Gepland einde van de eerste fase (niet verplicht)"
        errors={fields.phaseEndOn.errors}
        inputProps={inputProps(fields.phaseEndOn, { type: 'date' })}
      />
      <button type="submit" className="btn-primary">
        Traject starten
      </button>
    </Form>
  )
}
