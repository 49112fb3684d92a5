import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { type OccupationOption, OccupationPicker } from '#app/components/occupation-picker'
import { inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { proposeMappingSchema, vocabularyKindLabels, vocabularyKinds } from '#domain/search-terms'

const kindOptions = vocabularyKinds.map((value) => ({ value, label: vocabularyKindLabels[value] }))

type Props = { term: string; lastResult?: SubmissionResult<string[]>; occupation: OccupationOption | null; hits: OccupationOption[] | null }

/** A regional admin's proposal: this term means this ESCO occupation. Several occupations: one proposal each. */
export function ProposeForm({ term, lastResult, occupation, hits }: Props) {
  const [form, fields] = useForm({
    id: 'propose-mapping',
    defaultValue: { intent: 'propose', term },
    lastResult,
    constraint: getZodConstraint(proposeMappingSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeMappingSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-2xl">
      <ErrorSummary form={form} />
      <Field
        label="Zoekwoord"
        help="Zoals mensen het typen, bijvoorbeeld een woord uit de lijst hierboven."
        errors={fields.term.errors}
        inputProps={inputProps(fields.term, { type: 'text' })}
      />
      <SelectField meta={fields.kind} label="Soort woord" options={kindOptions} />
      <OccupationPicker
        queryName={fields.occupationQuery.name}
        uriName={fields.uri.name}
        defaultQuery={fields.occupationQuery.initialValue ?? ''}
        chosen={occupation}
        serverHits={hits}
        errors={fields.uri.errors}
        onChosen={() => form.validate({ name: fields.uri.name })}
        label="Beroep (ESCO)"
        help="Het beroep dat mensen met dit woord bedoelen. Meer beroepen? Doe per beroep een voorstel."
      />
      <TextAreaField
        meta={fields.note}
        label="Toelichting"
        help="Waar wordt het woord zo gebruikt? Bijvoorbeeld een vacaturetekst van VDAB of een woordenboek."
        rows={3}
      />
      {/* The intent travels with the button: the picker's "Zoek beroep" (without JavaScript) sends its own. */}
      <button type="submit" name="intent" value="propose" className="btn-primary">
        Voorstel indienen
      </button>
    </Form>
  )
}
