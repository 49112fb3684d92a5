import { type FieldMetadata, getCollectionProps, getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { parseWithZod } from '#app/utils/parse-form'
import { type ManagedOrganisationType, newOrganisationFormSchema, type OrganisationFormFields, organisationFormSchema } from './organisation-form-schema'
import { organisationTypeLabels } from '#domain/organisation-labels'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { inputProps, SelectField } from '#app/components/conform-fields'

type Municipality = { nis: string; name: string }
export type MunicipalityGroup = { code: string; name: string; municipalities: Municipality[] }

type Props = {
  /** With a slug field: the form that creates an organisation. */
  creating: boolean
  defaultValue: Partial<OrganisationFormFields>
  lastResult?: SubmissionResult<string[]> | null
  types: ManagedOrganisationType[]
  /** The checkboxes: the municipalities of the regions the admin works in. */
  groups: MunicipalityGroup[]
  /** What the organisation serves outside the admin's regions: it stays, and is shown but not editable. */
  elsewhere: Municipality[]
  submitLabel: string
}

/** An organisation's fields (/admin/organisaties/nieuw and /admin/organisaties/:id). */
export function OrganisationForm({ creating, defaultValue, lastResult, types, groups, elsewhere, submitLabel }: Props) {
  // Typed as the create form's schema (a superset: the edit form only lacks the slug) so one useForm serves both.
  const schema = (creating ? newOrganisationFormSchema : organisationFormSchema) as typeof newOrganisationFormSchema
  const [form, fields] = useForm<OrganisationFormFields>({
    id: creating ? 'new-organisation' : 'organisation',
    defaultValue,
    lastResult,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="save" />
      {creating ? (
        <Field
          label="Slug"
          help="Een korte naam voor scripts en adressen: kleine letters, cijfers en streepjes, zoals ocmw-cluster-kanaalzone. Je kan hem later niet meer wijzigen."
          errors={fields.slug.errors}
          inputProps={{ ...inputProps(fields.slug, { type: 'text' }), autoComplete: 'off', spellCheck: false }}
        />
      ) : null}
      <Field label="Naam" errors={fields.name.errors} inputProps={inputProps(fields.name, { type: 'text' })} />
      <SelectField meta={fields.type} label="Soort" options={types.map((value) => ({ value, label: organisationTypeLabels[value] }))} />
      <MunicipalityPicker meta={fields.municipalities} regionsMeta={fields.wholeRegions} groups={groups} elsewhere={elsewhere} />
      <Field
        label="Contactadres van het triageteam (optioneel)"
        help="Een gedeeld adres, zoals triage@ocmw-gent.be, voor het dagoverzicht en overdrachten."
        errors={fields.contactEmail.errors}
        inputProps={{ ...inputProps(fields.contactEmail, { type: 'email' }), autoComplete: 'off' }}
      />
      <Field
        label="E-mailadres van de functionaris voor gegevensbescherming (optioneel)"
        help="Inwoners van wie deze organisatie het dossier behandelt, zien dit adres op hun statuspagina en in de privacyuitleg."
        errors={fields.dpoEmail.errors}
        inputProps={{ ...inputProps(fields.dpoEmail, { type: 'email' }), autoComplete: 'off' }}
      />
      <Field
        label="Eerste contact binnen (werkdagen, optioneel)"
        help="Van 1 tot 30. Leeg: de instelling van de regio (Triage-instellingen)."
        errors={fields.firstContactDays.errors}
        inputProps={{ ...inputProps(fields.firstContactDays, { type: 'number' }), inputMode: 'numeric', className: 'w-32' }}
      />
      <button type="submit" className="btn-primary">
        {submitLabel}
      </button>
    </Form>
  )
}

type Meta = FieldMetadata<any, any, any>

/**
 * 285 municipalities as checkboxes, one collapsible group per reference region (<details>: works without
 * JavaScript, and a phone shows one region at a time). Groups with a ticked municipality start open. Each group
 * has a "whole region" box for VDAB teams, so nobody ticks thirty boxes.
 */
function MunicipalityPicker({ meta, regionsMeta, groups, elsewhere }: { meta: Meta; regionsMeta: Meta; groups: MunicipalityGroup[]; elsewhere: Municipality[] }) {
  const all = groups.flatMap((g) => g.municipalities.map((m) => m.nis))
  const boxes = getCollectionProps(meta, { type: 'checkbox', options: all, ariaAttributes: false })
  const regionBoxes = getCollectionProps(regionsMeta, { type: 'checkbox', options: groups.map((g) => g.code), ariaAttributes: false })
  // A malformed code in the list (only a hand-made request sends one) is an error of `municipalities[i]`: shown here too.
  const errors = Object.values(meta.allErrors).flat()
  const invalid = errors.length > 0 ? true : undefined
  const describedBy = [meta.descriptionId, invalid && meta.errorId].filter(Boolean).join(' ')
  // Where each region's boxes start in the one collection of all municipalities.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.municipalities.length, 0))
  return (
    <fieldset className="mb-6" aria-describedby={describedBy}>
      <legend className="field-label">Gemeenten die de organisatie bedient</legend>
      <p id={meta.descriptionId} className="text-sm text-slate-700">
        Aanmeldingen van inwoners van deze gemeenten gaan naar de organisatie. Een OCMW-cluster of VDAB-team bedient er meerdere; een platformteam geen.
      </p>
      {invalid ? (
        <p id={meta.errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
      {elsewhere.length > 0 ? (
        <p className="mt-2">
          Buiten jouw regio’s bedient ze ook: {elsewhere.map((m) => m.name).join(', ')}. Dat blijft zo; alleen een platformbeheerder kan het wijzigen.
          {elsewhere.map((m) => (
            <input key={m.nis} type="hidden" name={meta.name} value={m.nis} />
          ))}
        </p>
      ) : null}
      <div className="mt-3 space-y-2">
        {groups.map((group, groupIndex) => {
          const groupBoxes = boxes.slice(starts[groupIndex], starts[groupIndex]! + group.municipalities.length)
          const { key: _key, ...regionBox } = regionBoxes[groupIndex]!
          const ticked = groupBoxes.filter((box) => box.defaultChecked).length
          return (
            <details key={group.code} open={ticked > 0 || regionBox.defaultChecked} className="rounded-md border border-slate-300 px-3 py-2">
              <summary className="cursor-pointer font-semibold">
                {group.name} ({group.municipalities.length} gemeenten{ticked > 0 ? `, ${ticked} aangevinkt` : ''})
              </summary>
              <div className="mt-2 flex items-start gap-2">
                <input {...regionBox} id={`${regionsMeta.id}-${group.code}`} className="mt-1 size-5 shrink-0" />
                <label htmlFor={`${regionsMeta.id}-${group.code}`}>Heel {group.name}: alle gemeenten, ook als er hieronder een niet aangevinkt is</label>
              </div>
              <div className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
                {groupBoxes.map(({ key: _boxKey, ...box }, i) => {
                  const id = `${meta.id}-${box.value}`
                  return (
                    <div key={box.value} className="flex items-start gap-2">
                      <input {...box} id={id} aria-invalid={invalid} className="mt-1 size-5 shrink-0" />
                      <label htmlFor={id}>{group.municipalities[i]!.name}</label>
                    </div>
                  )
                })}
              </div>
            </details>
          )
        })}
      </div>
    </fieldset>
  )
}
