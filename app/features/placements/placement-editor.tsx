import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { type PlacementForm, type PlacementFormFields, type placementFormDefaults, placementFormSchema } from '#domain/placement-form'
import { canTransition, type PlacementStatus, publishTarget } from '#domain/placement-lifecycle'
import {
  dutchLevelLabels,
  genericCompetences,
  instrumentLabels,
  scheduleLabels,
  supportLabels,
} from '#domain/placement-values'
import { type OccupationOption, OccupationPicker } from '#app/components/occupation-picker'
import { ChoiceGroup, inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'

type EditorSite = { id: string; name: string; street: string | null; postcode: string; municipality: string }

/** What the editor's action answers when it does not redirect: the submission, and the occupation state. */
export type EditorActionData = { result: SubmissionResult<string[]>; occupation: OccupationOption | null; hits: OccupationOption[] | null }

type Props = {
  defaultValue?: ReturnType<typeof placementFormDefaults>
  sites: EditorSite[]
  today: string
  /** The saved occupation (null for a new placement). */
  occupation: OccupationOption | null
  actionData?: EditorActionData
  /** null for a placement that does not exist yet. */
  status: PlacementStatus | null
  verified: boolean
}

const choices = <T extends string>(labels: Record<T, { label: string; help?: string }>) =>
  (Object.entries(labels) as [T, { label: string; help?: string }][]).map(([value, { label, help }]) => ({ value, label, help }))

const siteLabel = (s: EditorSite) => [s.name, [s.street, `${s.postcode} ${s.municipality}`].filter(Boolean).join(', ')].join(' – ')

/** The one editor of a placement, for a new one and an existing one alike (not for a closed one). */
export function PlacementEditor({ defaultValue, sites, today, occupation, actionData, status, verified }: Props) {
  const schema = useMemo(() => placementFormSchema({ siteIds: sites.map((s) => s.id), today }), [sites, today])
  const [form, fields] = useForm<PlacementFormFields, PlacementForm>({
    id: 'placement-editor',
    lastResult: actionData?.result,
    defaultValue,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
  const current = status ?? 'draft'
  const target = publishTarget(verified)
  const canPublish = target !== current && canTransition(current, target)
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl">
      <ErrorSummary form={form} />
      <h2 className="mt-6 mb-3">Over de plaats</h2>
      <Field label="Titel" errors={fields.title.errors} inputProps={{ ...inputProps(fields.title, { type: 'text' }) }} />
      <OccupationPicker
        queryName={fields.occupationQuery.name}
        uriName={fields.occupationUri.name}
        defaultQuery={fields.occupationQuery.initialValue ?? ''}
        chosen={actionData?.occupation ?? occupation}
        serverHits={actionData?.hits ?? null}
        errors={fields.occupationUri.errors}
        onChosen={() => form.validate({ name: fields.occupationUri.name })}
      />
      <TextAreaField meta={fields.description} label="Beschrijving" help="Wat doet iemand hier, met wie, en wat maakt de plaats de moeite?" rows={6} />
      <TextAreaField meta={fields.tasks} label="Taken" help="Eén taak per regel, bijvoorbeeld “Broodjes beleggen”. Hoogstens 30." rows={5} />

      <h2 className="mt-8 mb-3">Wat iemand hier leert</h2>
      <ChoiceGroup meta={fields.competences} type="checkbox" legend="Algemene competenties" choices={genericCompetences.map((c) => ({ value: c, label: c }))} />
      <TextAreaField meta={fields.otherCompetences} label="Andere competenties" help="Eén per regel, bijvoorbeeld “Met een kassa werken”." rows={3} />

      <h2 className="mt-8 mb-3">Waar en wanneer</h2>
      <SelectField meta={fields.siteId} label="Vestiging" help="Waar de persoon zal werken." options={sites.map((s) => ({ value: s.id, label: siteLabel(s) }))} />
      <Field
        label="Uren per week"
        help="Bijvoorbeeld 19 of 19,5. Hoogstens 40."
        errors={fields.hoursPerWeek.errors}
        inputProps={{ ...inputProps(fields.hoursPerWeek, { type: 'text' }), inputMode: 'decimal' }}
      />
      <ChoiceGroup meta={fields.schedule} type="checkbox" legend="Wanneer wordt er gewerkt?" choices={choices(scheduleLabels)} />
      <Field
        label="Startdatum (niet verplicht)"
        help="Laat leeg als iemand meteen kan beginnen."
        errors={fields.startDate.errors}
        inputProps={{ ...inputProps(fields.startDate, { type: 'date' }) }}
      />
      <Field label="Aantal plaatsen" errors={fields.places.errors} inputProps={{ ...inputProps(fields.places, { type: 'number' }) }} />
      <Field
        label="Volzet tot (niet verplicht)"
        help="Zijn alle plaatsen nu bezet? Vul in tot wanneer. Laat leeg als er een plaats vrij is."
        errors={fields.fullUntil.errors}
        inputProps={{ ...inputProps(fields.fullUntil, { type: 'date' }) }}
      />

      <h2 className="mt-8 mb-3">Taal en ondersteuning</h2>
      <ChoiceGroup meta={fields.dutchLevel} type="radio" legend="Hoeveel Nederlands is nodig?" choices={choices(dutchLevelLabels)} />
      <ChoiceGroup meta={fields.support} type="checkbox" legend="Welke ondersteuning biedt u?" choices={choices(supportLabels)} />

      <h2 className="mt-8 mb-3">Maatregelen</h2>
      <ChoiceGroup
        meta={fields.instruments}
        type="checkbox"
        legend="Via welke maatregelen kan iemand bij u starten?"
        help="Kies alles wat voor u kan. Wat elke maatregel u kost, ziet u na het opslaan."
        choices={choices(instrumentLabels)}
      />
      <div className="mt-6 flex flex-wrap items-center gap-3">
          <button type="submit" name="intent" value="save" className="btn-secondary">
            {current === 'draft' ? 'Opslaan als ontwerp' : 'Wijzigingen opslaan'}
          </button>
          {canPublish ? (
            <button type="submit" name="intent" value="publish" className="btn-primary" aria-describedby={verified ? undefined : 'publish-note'}>
              Opslaan en publiceren
            </button>
          ) : null}
          {canPublish && !verified ? (
            <p id="publish-note" className="text-sm text-slate-700">
              Zichtbaar zodra uw organisatie geverifieerd is.
            </p>
          ) : null}
      </div>
    </Form>
  )
}
