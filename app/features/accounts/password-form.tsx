import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { passwordAdvice } from '#domain/password-policy'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { NewPasswordFields } from './new-password-fields'
import { accountActionSchema } from './forms'
import { parseWithZod } from '#app/utils/parse-form'

/** "Wachtwoord wijzigen" on the account page: the current password first, so a borrowed session cannot do it. */
export function AccountPasswordForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: 'password-change',
    lastResult,
    constraint: getZodConstraint(accountActionSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: accountActionSchema }),
    // As on /wachtwoord-nieuw: revalidating on blur moved the button away from under a click.
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="mt-8 max-w-2xl" aria-labelledby="password-title">
      <h2 id="password-title">Wachtwoord wijzigen</h2>
      <p className="mt-2 mb-4 text-slate-700">{passwordAdvice} Daarna wordt u overal elders uitgelogd; hier blijft u ingelogd.</p>
      <Form method="post" {...getFormProps(form)} className="card">
        <ErrorSummary form={form} />
        {/* In the form, not on the button: typing validates without a submitter, and the schema needs the intent. */}
        <input type="hidden" name="intent" value="password-change" />
        <Field
          label="Huidig wachtwoord"
          errors={fields.currentPassword.errors}
          inputProps={{ ...getInputProps(fields.currentPassword, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} />
        <button type="submit" className="btn-primary">
          Wachtwoord wijzigen
        </button>
      </Form>
    </section>
  )
}
