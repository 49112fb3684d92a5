import { type FieldMetadata, getInputProps, getSelectProps } from '@conform-to/react'
import type { SiteInput } from '#domain/employer-registration'
import { Field } from '#app/components/forms'

/** Postcodes that lie in two municipalities (1804: Vilvoorde and Zemst), with their municipalities. */
export type SharedPostcodes = Record<string, { nis: string; name: string }[]>

/** The site's fields, from a list row (`site.getFieldset()`) or from a form that edits one site. */
export type SiteFieldset<Form extends Record<string, unknown>> = { [K in keyof SiteInput]-?: FieldMetadata<SiteInput[K], Form, string[]> }

/**
 * The fields of one site: name, street, postcode and, only when the postcode lies in two municipalities, a
 * choice between them. With JavaScript the choice appears while typing; without, after sending the form
 * (the server then asks for it with a field error).
 */
export function SiteFields<Form extends Record<string, unknown>>(props: { fields: SiteFieldset<Form>; sharedPostcodes: SharedPostcodes }) {
  const { fields, sharedPostcodes } = props
  const choices = sharedPostcodes[fields.postcode.value?.trim() ?? '']
  const municipality = fields.municipalityNis
  const { key, ...selectProps } = getSelectProps(municipality)
  return (
    <>
      <Field
        label="Naam van de vestiging"
        help='Bijvoorbeeld "Hoofdzetel" of "Winkel Gent".'
        errors={fields.name.errors}
        inputProps={getInputProps(fields.name, { type: 'text' })}
      />
      <Field label="Straat en huisnummer" errors={fields.street.errors} inputProps={getInputProps(fields.street, { type: 'text' })} />
      <Field
        label="Postcode"
        help="De vestiging moet in Vlaanderen liggen."
        errors={fields.postcode.errors}
        inputProps={{ ...getInputProps(fields.postcode, { type: 'text' }), inputMode: 'numeric' }}
      />
      {choices ? (
        <div className="mb-5">
          <label htmlFor={municipality.id} className="field-label">
            Gemeente
          </label>
          <select
            {...selectProps}
            key={key}
            aria-describedby={municipality.errors ? municipality.errorId : undefined}
            className="field-input"
          >
            <option value="">Kies de gemeente</option>
            {choices.map((choice) => (
              <option key={choice.nis} value={choice.nis}>
                {choice.name}
              </option>
            ))}
          </select>
          {municipality.errors ? (
            <p id={municipality.errorId} className="field-error">
              {municipality.errors.join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
