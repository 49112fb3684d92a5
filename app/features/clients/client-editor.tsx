import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { type ClientForm, type ClientFormFields, clientDutchLevelLabels, clientFormSchema, type clientFormDefaults, clientInstrumentLabels } from '#domain/client-form'
import { genericCompetences } from '#domain/placement-values'
import { ClientJobTargets } from './client-job-targets'
import type { OccupationOption } from '#app/components/occupation-picker'
import { ChoiceGroup, inputProps, SelectField, TextAreaField } from '#app/components/conform-fields'

/** What the client form's action answers when it does not redirect. */
export type ClientEditorData = {
  result: SubmissionResult<string[]>
  /** The chosen occupations by URI, so every picker shows its choice again. */
  occupations: Record<string, OccupationOption>
  /** Without JavaScript, after "Zoek beroep": the matches per jobdoelwit (by position); null otherwise. */
  hits: Record<number, OccupationOption[]> | null
  /** The municipalities of a postcode that lies in two; empty otherwise. */
  homeChoices: { nis: string; name: string }[]
}

type Props = {
  defaultValue: ReturnType<typeof clientFormDefaults> | { jobTargets: { query: string; uri: string }[] }
  /** The saved client's occupations and home choices (empty for a new client). */
  occupations: Record<string, OccupationOption>
  homeChoices: { nis: string; name: string }[]
  actionData?: ClientEditorData
  submitLabel: string
}

const choices = (labels: Record<string, { label: string; help?: string }>) =>
  Object.entries(labels).map(([value, { label, help }]) => ({ value, label, help }))

/** The one form of a client record, for a new client and an existing one alike. */
export function ClientEditor({ defaultValue, occupations, homeChoices, actionData, submitLabel }: Props) {
  const [form, fields] = useForm<ClientFormFields, ClientForm>({
    id: 'client-editor',
    lastResult: actionData?.result,
    defaultValue,
    constraint: getZodConstraint(clientFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clientFormSchema }),
    shouldRevalidate: 'onInput',
  })
  const municipalities = actionData?.homeChoices ?? homeChoices
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl">
      {/* Enter in a text field saves: the first submit button of a form is the one Enter presses, and the list buttons further down must not be it. */}
      <button type="submit" name="intent" value="save" hidden>
        {submitLabel}
      </button>
      <ErrorSummary form={form} />
      <p className="mb-6 text-slate-700">
        Vul alleen in wat nodig is om passende plaatsen te vinden. Bij elk veld staat waarom we het vragen. Alles wat hier staat, mag de
        cliënt inkijken.
      </p>
      {/* autoComplete off: the browser must not offer the caseworker's own name or address for the client's. */}
      <h2 className="mb-3">Wie</h2>
      <Field
        label="Naam of initialen"
        help="Zodat jij en je collega's de cliënt herkennen. Initialen volstaan, bijvoorbeeld K.B."
        errors={fields.displayName.errors}
        inputProps={{ ...inputProps(fields.displayName, { type: 'text' }), autoComplete: 'off' }}
      />
      <Field
        label="Voornaam (niet verplicht)"
        help="Een werkgever ziet alleen de voornaam, en alleen als de cliënt bij een voorstel akkoord gaat om ze te delen."
        errors={fields.firstName.errors}
        inputProps={{ ...inputProps(fields.firstName, { type: 'text' }), autoComplete: 'off' }}
      />
      <Field
        label="Contact (niet verplicht)"
        help="Een telefoonnummer of e-mailadres waarop jij de cliënt bereikt. Een werkgever ziet dit nooit."
        errors={fields.contact.errors}
        inputProps={{ ...inputProps(fields.contact, { type: 'text' }), autoComplete: 'off' }}
      />

      <h2 className="mt-8 mb-3">Waar</h2>
      <Field
        label="Woonplaats"
        help="Postcode of gemeente, bijvoorbeeld 9000 of Gent. We berekenen er alleen de afstand tot een plaats mee; een adres is niet nodig."
        errors={fields.home.errors}
        inputProps={{ ...inputProps(fields.home, { type: 'text' }), autoComplete: 'off' }}
      />
      {municipalities.length > 0 ? (
        <SelectField
          meta={fields.homeMunicipalityNis}
          label="Gemeente"
          help="Deze postcode ligt in twee gemeenten."
          options={municipalities.map((m) => ({ value: m.nis, label: m.name }))}
        />
      ) : null}
      <Field
        label="Maximale afstand (km)"
        help="Hoe ver de cliënt wil of kan reizen, in vogelvlucht vanaf de woonplaats. We tonen alleen plaatsen binnen die afstand."
        errors={fields.maxDistanceKm.errors}
        inputProps={{ ...inputProps(fields.maxDistanceKm, { type: 'number' }), inputMode: 'numeric' }}
      />

      <ClientJobTargets form={form} meta={fields.jobTargets} occupations={{ ...occupations, ...actionData?.occupations }} hits={actionData?.hits ?? null} />

      <h2 className="mt-8 mb-3">Wat de cliënt kan</h2>
      <ChoiceGroup
        meta={fields.competences}
        type="checkbox"
        legend="Algemene competenties"
        help="Wat de cliënt al kan. Een werkgever ziet dit alleen bij een voorstel, als de cliënt akkoord gaat."
        choices={genericCompetences.map((c) => ({ value: c, label: c }))}
      />
      <TextAreaField meta={fields.otherCompetences} label="Andere competenties" help="Eén per regel, bijvoorbeeld “Met een kassa werken”." rows={3} />
      <ChoiceGroup
        meta={fields.dutchLevel}
        type="radio"
        legend="Hoe goed spreekt de cliënt Nederlands?"
        help="We tonen alleen plaatsen die niet meer Nederlands vragen."
        choices={choices(clientDutchLevelLabels)}
      />
      <Field
        label="Uren per week beschikbaar"
        help="Hoeveel uur per week de cliënt kan werken, bijvoorbeeld 19 of 19,5. We tonen alleen plaatsen met hoogstens zoveel uren."
        errors={fields.hoursAvailable.errors}
        inputProps={{ ...inputProps(fields.hoursAvailable, { type: 'text' }), inputMode: 'decimal' }}
      />

      <h2 className="mt-8 mb-3">Maatregelen</h2>
      <ChoiceGroup
        meta={fields.instruments}
        type="checkbox"
        legend="Via welke maatregelen kan de cliënt starten? (niet verplicht)"
        help="Vink alleen aan wat al vaststaat: dan tonen we alleen plaatsen die minstens één ervan aanvaarden. Niets aangevinkt sluit niets uit."
        choices={choices(clientInstrumentLabels)}
      />

      <h2 className="mt-8 mb-3">Notities</h2>
      <TextAreaField
        meta={fields.notes}
        label="Notities (niet verplicht)"
        help="Alleen wat helpt om een plaats te vinden. Geen gegevens over gezondheid, schulden of andere gevoelige zaken."
        rows={4}
      />
      <button type="submit" name="intent" value="save" className="btn-primary mt-4">
        {submitLabel}
      </button>
    </Form>
  )
}
