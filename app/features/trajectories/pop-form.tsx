import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { popSchema } from '#domain/trajectory-form'

type Props = {
  jobTargets: { uri: string; label: string }[]
  /** The latest version's values, so a new version starts from what was agreed. */
  defaults: { jobTargets: string[]; competences: string[]; actions: string; agreements: string } | null
  nextVersion: number
  lastResult?: SubmissionResult<string[]>
}

/** A new version of the POP: nothing is overwritten; from version 2 on, the begeleider says what changed and why. */
export function PopForm({ jobTargets, defaults, nextVersion, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'pop',
    lastResult,
    defaultValue: defaults
      ? { ...defaults, competences: defaults.competences.join('\n') }
      : { jobTargets: jobTargets.map((t) => t.uri) },
    constraint: getZodConstraint(popSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: popSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-3xl">
      <ErrorSummary form={form} />
      <ChoiceGroup
        meta={fields.jobTargets}
        type="checkbox"
        legend="Jobdoelwitten"
        help="Uit het dossier van de cliënt; pas ze daar aan als er een ontbreekt."
        choices={jobTargets.map((t) => ({ value: t.uri, label: t.label }))}
      />
      <TextAreaField meta={fields.competences} label="Competenties om te ontwikkelen" help="Eén per regel, kort: bijvoorbeeld ‘op tijd komen’ of ‘een heftruck besturen’." rows={5} />
      <TextAreaField meta={fields.actions} label="Acties" help="Wat de persoon, de werkplek en jij doen, en tegen wanneer." rows={5} />
      <TextAreaField meta={fields.agreements} label="Afspraken" rows={4} />
      {nextVersion > 1 ? (
        <TextAreaField meta={fields.changeNote} label="Wat verandert er, en waarom?" help="Verplicht vanaf versie 2: zo toont de geschiedenis waarom het plan veranderde." rows={3} />
      ) : null}
      <button type="submit" className="btn-primary">
        POP versie {nextVersion} bewaren
      </button>
    </Form>
  )
}
