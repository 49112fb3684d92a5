import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { contactSchema, erasureSchema } from './intake-steps'
import { IntakeContactFields } from './contact-fields'
import { ChoiceGroup, IntakeErrorSummary } from './step-form'

/** The resident's own changes on the status page: plain POST forms, each with its intent. */
type Result = SubmissionResult<string[]> | undefined

type Contact = { contactMethod: 'phone' | 'email' | 'organisation'; phone: string | null; email: string | null }

export function ContactCorrectionForm(props: { lastResult: Result; contact: Contact; helperName: string | null }) {
  const { t } = useTranslation('intake')
  const { contactMethod, phone, email } = props.contact
  const [form, fields] = useForm<z.input<typeof contactSchema>>({
    id: 'status-contact',
    lastResult: props.lastResult,
    defaultValue: { contactMethod, phone: phone ?? undefined, email: email ?? undefined },
    constraint: getZodConstraint(contactSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: contactSchema }),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="contact" />
      <IntakeErrorSummary form={form} schema={contactSchema} />
      <IntakeContactFields fields={fields} helperName={props.helperName} />
      <button type="submit" className="btn-primary">
        {t('status.contactSave')}
      </button>
    </Form>
  )
}

export function ConsentWithdrawalForm() {
  const { t } = useTranslation('intake')
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="withdraw" />
      <button type="submit" className="btn-secondary">
        {t('status.consentWithdraw')}
      </button>
    </Form>
  )
}

export function ErasureRequestForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation('intake')
  const [form, fields] = useForm({
    id: 'status-erase',
    lastResult,
    constraint: getZodConstraint(erasureSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: erasureSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="erase" />
      <ChoiceGroup meta={fields.confirm} type="checkbox" legend={t('status.eraseLegend')} choices={[{ value: 'on', label: t('status.eraseConfirm') }]} />
      <button type="submit" className="btn-secondary">
        {t('status.eraseButton')}
      </button>
    </Form>
  )
}
