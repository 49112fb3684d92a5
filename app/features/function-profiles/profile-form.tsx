import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, inputProps, TextAreaField } from '#app/components/conform-fields'
import { Field, FormErrors } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { functionProfileSchema, MAX_PROFILE_PHASES } from '#domain/function-profile-form'

type Props = {
  /** Choices of occupation (saving from a trajectory), or the profile's own, which does not change. */
  occupations: { uri: string; label: string }[]
  defaults: { occupationUri?: string; title?: string; phases: { title: string; competences: string; tasks: string }[] }
  submitLabel: string
  lastResult?: SubmissionResult<string[]>
}

/**
 * A function profile: occupation, title and per phase its competences and tasks. Phases are added and removed with
 * Conform's list buttons, which work by a round trip without JavaScript.
 */
export function FunctionProfileForm({ occupations, defaults, submitLabel, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'function-profile',
    lastResult,
    defaultValue: { occupationUri: defaults.occupationUri ?? occupations[0]?.uri, title: defaults.title ?? '', phases: defaults.phases },
    constraint: getZodConstraint(functionProfileSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: functionProfileSchema }),
    shouldRevalidate: 'onInput',
  })
  const phases = fields.phases.getFieldList()
  const fixed = occupations.length === 1 && defaults.occupationUri
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <p className="mb-5 rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
        Een functieprofiel bevat geen persoonsgegevens: alleen het beroep, titels, competenties en taken zoals je ze hier schrijft.
        Schrijf geen namen, gezondheid of andere gegevens over een cliënt of een collega.
      </p>
      {fixed ? (
        <p className="mb-5">
          Beroep: <strong>{occupations[0]!.label}</strong>
          <input type="hidden" name={fields.occupationUri.name} value={defaults.occupationUri} />
        </p>
      ) : (
        <ChoiceGroup meta={fields.occupationUri} type="radio" legend="Beroep" help="Een jobdoelwit uit het POP." choices={occupations.map((o) => ({ value: o.uri, label: o.label }))} />
      )}
      <Field label="Titel van het profiel" errors={fields.title.errors} inputProps={inputProps(fields.title, { type: 'text' })} />
      <FormErrors id={fields.phases.errorId} errors={fields.phases.errors} />
      <ol className="space-y-4">
        {phases.map((phase, index) => {
          const f = phase.getFieldset()
          return (
            <li key={phase.key}>
              <fieldset className="rounded-md border border-slate-300 px-4 pt-2 pb-1">
                <legend className="px-1 font-semibold">Fase {index + 1}</legend>
                <Field label="Titel van de fase" errors={f.title.errors} inputProps={inputProps(f.title, { type: 'text' })} />
                <TextAreaField meta={f.competences} label="Competenties" help="Eén per regel." rows={4} />
                <TextAreaField meta={f.tasks} label="Taken" help="Eén per regel: wat iemand in deze fase doet, bijvoorbeeld ‘rekken aanvullen’." rows={4} />
                {phases.length > 1 ? (
                  <button {...form.remove.getButtonProps({ name: fields.phases.name, index })} className="btn-secondary mb-3">
                    Fase verwijderen<span className="sr-only"> (fase {index + 1})</span>
                  </button>
                ) : null}
              </fieldset>
            </li>
          )
        })}
      </ol>
      {phases.length < MAX_PROFILE_PHASES ? (
        <button {...form.insert.getButtonProps({ name: fields.phases.name, defaultValue: { title: '', competences: '', tasks: '' } })} className="btn-secondary mt-4">
          Nog een fase toevoegen
        </button>
      ) : null}
      <input type="hidden" name="intent" value="save" />
      <p className="mt-6">
        <button type="submit" className="btn-primary">
          {submitLabel}
        </button>
      </p>
    </Form>
  )
}
