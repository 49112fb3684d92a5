import {
  type FieldMetadata,
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  type SubmissionResult,
  useForm,
} from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { employerTypeLabels, instrumentLabels } from '#domain/placement-values'
import { instruments } from '#domain/values'
import { coveredItemLabels, payUnitLabels, wagePolicyLabels } from '#domain/compensation-labels'
import { type Instrument } from '#domain/compensation-rules'
import { VersionFormSchema, type versionFormDefaults } from './version-form'

type Defaults = ReturnType<typeof versionFormDefaults>
type RowFields = ReturnType<FieldMetadata<Defaults['rules'][number]>['getFieldset']>

const columns = [
  ['pays', 'Werkgever betaalt (€)'],
  ['unit', 'Per'],
  ['policy', 'Deelnemer krijgt'],
  ['wage', 'Bruto uurloon (€), bij uurloon'],
  ['scale', 'Naam barema, bij barema'],
  ['covers', 'Gedekt'],
] as const
const colId = (instrument: Instrument, column: string) => `kol-${instrument}-${column}`

function ErrorText({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  ) : null
}

/** One employer type's row: controls named by their row header and column header (aria-labelledby). */
function RuleRow({ row, index, instrument }: { row: RowFields; index: number; instrument: Instrument }) {
  const rowId = `rij-${index}`
  const named = (column: string) => ({ 'aria-labelledby': `${rowId} ${colId(instrument, column)}` })
  const input = 'field-input mt-0 w-28'
  const select = 'field-input mt-0 w-auto bg-white'
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" id={rowId} className="py-2 pr-3 text-left font-semibold">
        {employerTypeLabels[row.employerType.value as keyof typeof employerTypeLabels]?.label}
        <input {...getInputProps(row.instrument, { type: 'hidden' })} />
        <input {...getInputProps(row.employerType, { type: 'hidden' })} />
      </th>
      <td className="py-2 pr-3">
        <input {...getInputProps(row.employerPays, { type: 'text' })} {...named('pays')} inputMode="decimal" className={input} />
        <ErrorText id={row.employerPays.errorId} errors={row.employerPays.errors} />
      </td>
      <td className="py-2 pr-3">
        <select {...getSelectProps(row.employerPaysUnit)} {...named('unit')} className={select}>
          {Object.entries(payUnitLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <ErrorText id={row.employerPaysUnit.errorId} errors={row.employerPaysUnit.errors} />
      </td>
      <td className="py-2 pr-3">
        <select {...getSelectProps(row.wagePolicy)} {...named('policy')} className={select}>
          {Object.entries(wagePolicyLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <ErrorText id={row.wagePolicy.errorId} errors={row.wagePolicy.errors} />
      </td>
      <td className="py-2 pr-3">
        <input {...getInputProps(row.grossHourlyWage, { type: 'text' })} {...named('wage')} inputMode="decimal" className={input} />
        <ErrorText id={row.grossHourlyWage.errorId} errors={row.grossHourlyWage.errors} />
      </td>
      <td className="py-2 pr-3">
        <input {...getInputProps(row.referenceScale, { type: 'text' })} {...named('scale')} className="field-input mt-0 w-56" />
        <ErrorText id={row.referenceScale.errorId} errors={row.referenceScale.errors} />
      </td>
      <td className="py-2">
        <fieldset>
          <legend className="sr-only">
            Gedekt bij {employerTypeLabels[row.employerType.value as keyof typeof employerTypeLabels]?.label}
          </legend>
          {getCollectionProps(row.covers, { type: 'checkbox', options: Object.keys(coveredItemLabels) }).map(({ key, ...props }) => (
            <label key={key} className="flex items-center gap-2 whitespace-nowrap">
              <input {...props} className="size-6" />
              {coveredItemLabels[props.value as keyof typeof coveredItemLabels]}
            </label>
          ))}
        </fieldset>
      </td>
    </tr>
  )
}

/**
 * The "new version" form, prefilled with a copy of the latest version: one fieldset per instrument with a
 * row per employer type. Unticked instruments are left out of the version (for a deviation: the region's
 * rules keep applying).
 */
export function VersionEditor({
  defaultValue,
  lastResult,
  scheduleName,
}: {
  defaultValue: Defaults
  lastResult?: SubmissionResult<string[]>
  scheduleName: string
}) {
  const [form, fields] = useForm({
    id: 'nieuwe-versie',
    lastResult,
    defaultValue,
    constraint: getZodConstraint(VersionFormSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VersionFormSchema }),
    shouldRevalidate: 'onInput',
  })
  const rows = fields.rules.getFieldList()
  const regulated = getCollectionProps(fields.regulated, { type: 'checkbox', options: [...instruments] })
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input {...getInputProps(fields.ocmwOrganisationId, { type: 'hidden' })} />
      {/* Chosen above the form; only an outdated page (the OCMW stopped serving the region) gets an error here. */}
      <ErrorText id={fields.ocmwOrganisationId.errorId} errors={fields.ocmwOrganisationId.errors} />
      <div className="grid max-w-2xl gap-x-6 sm:grid-cols-2">
        <Field
          label="Geldt vanaf"
          help="De eerste dag waarop deze versie geldt."
          errors={fields.validFrom.errors}
          inputProps={getInputProps(fields.validFrom, { type: 'date' })}
        />
        <Field
          label="Toelichting (niet verplicht)"
          help="Bv. waarom de bedragen veranderen."
          errors={fields.note.errors}
          inputProps={getInputProps(fields.note, { type: 'text' })}
        />
      </div>
      <p className="mb-4 max-w-3xl">
        Bedragen in euro, met een komma of een punt (bv. 4,50). Vink per instrument aan of {scheduleName} het in deze versie regelt.
      </p>
      <ErrorText id={fields.regulated.errorId} errors={fields.regulated.errors} />
      {instruments.map((instrument) => {
        const { key, ...tick } = regulated.find((r) => r.value === instrument)!
        const instrumentRows = rows
          .map((row, index) => ({ row, index }))
          .filter(({ row }) => row.getFieldset().instrument.initialValue === instrument)
        // min-w-0: a fieldset is as wide as its content by default; the rules table must scroll inside it on a phone.
        return (
          <fieldset key={instrument} id={`instrument-${instrument}`} className="card mb-6 min-w-0">
            <legend className="px-1 text-lg font-semibold">{instrumentLabels[instrument].label}</legend>
            <label key={key} className="flex items-center gap-2 font-semibold">
              <input {...tick} className="size-6" />
              {scheduleName} regelt {instrumentLabels[instrument].label} in deze versie
            </label>
            <div className="relative mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Regels voor {instrumentLabels[instrument].label}, per soort werkgever</caption>
                <thead>
                  <tr className="border-b border-slate-400 text-left align-bottom">
                    <td className="py-2 pr-3" />
                    {columns.map(([column, label]) => (
                      <th key={column} id={colId(instrument, column)} scope="col" className="py-2 pr-3">
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {instrumentRows.map(({ row, index }) => (
                    <RuleRow key={row.key} row={row.getFieldset()} index={index} instrument={instrument} />
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
        )
      })}
      <button type="submit" className="btn-primary">
        Nieuwe versie opslaan
      </button>
    </Form>
  )
}
