import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { contactSchema } from '#domain/employer-registration'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'

type Props = {
  defaultValue: { sector: string; contactName: string; contactEmail: string; contactPhone: string | null }
  lastResult?: SubmissionResult<string[]>
}

/** The employer's sector and its one contact person, as the OCMW and VDAB see them. */
export function EmployerProfileForm({ defaultValue, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'employer-profile',
    lastResult,
    defaultValue: { ...defaultValue, contactPhone: defaultValue.contactPhone ?? '' },
    constraint: getZodConstraint(contactSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 max-w-xl">
      <input type="hidden" name="intent" value="profile" />
      <ErrorSummary form={form} />
      <Field label="Sector" errors={fields.sector.errors} inputProps={getInputProps(fields.sector, { type: 'text' })} />
      <Field label="Naam van de contactpersoon" errors={fields.contactName.errors} inputProps={getInputProps(fields.contactName, { type: 'text' })} />
      <Field
        label="E-mailadres van de contactpersoon"
        help="Hier sturen we berichten over uw organisatie naartoe. Uw login verandert niet."
        errors={fields.contactEmail.errors}
        inputProps={getInputProps(fields.contactEmail, { type: 'email' })}
      />
      <Field
        label="Telefoonnummer (niet verplicht)"
        help="Bijvoorbeeld 09 123 45 67 of 0470 12 34 56."
        errors={fields.contactPhone.errors}
        inputProps={getInputProps(fields.contactPhone, { type: 'tel' })}
      />
      <button type="submit" className="btn-primary">
        Gegevens opslaan
      </button>
    </Form>
  )
}
