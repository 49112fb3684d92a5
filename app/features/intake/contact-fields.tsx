import { type FieldMetadata, getInputProps } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { contactMethods } from '#domain/values'
import { Field } from '#app/components/forms'
import { ChoiceGroup, useErrors } from './step-form'

type ContactFieldset = { contactMethod: FieldMetadata<unknown>; phone: FieldMetadata<unknown>; email: FieldMetadata<unknown> }

/**
 * How the resident wants to be reached, and the number or address: on the form's contact step and on the
 * status page's correction form. "Through the organisation that helped me" only when there is one.
 */
export function IntakeContactFields({ fields, helperName }: { fields: ContactFieldset; helperName: string | null }) {
  const { t } = useTranslation('intake')
  const errors = useErrors()
  const methods = contactMethods.filter((method) => method !== 'organisation' || helperName)
  return (
    <>
      <ChoiceGroup
        meta={fields.contactMethod}
        type="radio"
        legend={t('steps.contact.method')}
        choices={methods.map((method) => ({ value: method, label: t(`values.contactMethod.${method}`, { organisation: helperName ?? '' }) }))}
      />
      <Field
        label={t('steps.contact.phone')}
        help={t('steps.contact.phoneHelp')}
        errors={errors(fields.phone)}
        inputProps={{ ...getInputProps(fields.phone, { type: 'tel' }), autoComplete: 'tel', dir: 'ltr' }}
      />
      <Field
        label={t('steps.contact.email')}
        help={t('steps.contact.emailHelp')}
        errors={errors(fields.email)}
        inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email', dir: 'ltr' }}
      />
    </>
  )
}
