import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, inputProps, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { extendPhaseSchema, newPhaseSchema } from '#domain/phase-form'
import type { AcceptedProposal } from './start-form'

type Result = SubmissionResult<string[]> | undefined

/** A new phase at another workplace: it ends the running phase on the day it starts. */
export function NewPhaseForm({ proposals, competences, today, lastResult }: { proposals: AcceptedProposal[]; competences: string[]; today: string; lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'phase-add',
    lastResult,
    defaultValue: { startOn: today, workplace: proposals[0]?.id ?? 'extern' },
    constraint: getZodConstraint(newPhaseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newPhaseSchema }),
    shouldRevalidate: 'onInput',
  })
  const choices = [...proposals.map((p) => ({ value: p.id, label: `${p.title} bij ${p.employer}` })), { value: 'extern', label: 'Een werkplek buiten Stapsteen' }]
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="add" />
      <ChoiceGroup meta={fields.workplace} type="radio" legend="Nieuwe werkplek" choices={choices} />
      <Field label="Werkplek buiten Stapsteen" help="Alleen bij een werkplek buiten Stapsteen: de werkgever en de job." errors={fields.externalWorkplace.errors} inputProps={inputProps(fields.externalWorkplace, { type: 'text' })} />
      <Field label="Start van de nieuwe fase" errors={fields.startOn.errors} inputProps={inputProps(fields.startOn, { type: 'date' })} />
      <Field label="Gepland einde (niet verplicht)" errors={fields.plannedEndOn.errors} inputProps={inputProps(fields.plannedEndOn, { type: 'date' })} />
      {competences.length > 0 ? (
        <ChoiceGroup
          meta={fields.goals}
          type="checkbox"
          legend="Doelen in deze fase (niet verplicht)"
          help="De competenties van het POP waar de persoon op deze werkplek aan werkt; de werkgever beoordeelt ze op de werkvloer. Niets aangevinkt: alle."
          choices={competences.map((c) => ({ value: c, label: c }))}
        />
      ) : null}
      <button type="submit" className="btn-primary">
        Nieuwe fase starten
      </button>
    </Form>
  )
}

/** Extending the running phase: a later end and why; the motivation becomes a new POP version's note. */
export function ExtendPhaseForm({ lastResult }: { lastResult: Result }) {
  const [form, fields] = useForm({
    id: 'phase-extend',
    lastResult,
    constraint: getZodConstraint(extendPhaseSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: extendPhaseSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="extend" />
      <Field label="Nieuw einde van de fase" errors={fields.plannedEndOn.errors} inputProps={inputProps(fields.plannedEndOn, { type: 'date' })} />
      <TextAreaField meta={fields.motivation} label="Waarom duurt de fase langer?" help="Komt als toelichting in een nieuwe versie van het POP." rows={3} />
      <button type="submit" className="btn-secondary">
        Fase verlengen
      </button>
    </Form>
  )
}
