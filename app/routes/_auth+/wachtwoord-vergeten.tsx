import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { z } from 'zod'
import { emailSchema } from '#domain/password-policy'
import { requestPasswordReset } from '#app/auth/password.server'
import { ErrorPage } from '#app/components/error-page'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { HoneypotFields } from '#app/components/honeypot-fields'
import { checkHoneypot } from '#app/utils/honeypot.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { mailFormLimited, mailFormLimitMessage } from '#app/utils/rate-limit.server'
import { steadily } from '#app/utils/steady-answer.server'
import { withToast } from '#app/utils/toast.server'

const ForgotSchema = z.object({ email: emailSchema })

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await checkHoneypot(formData)
  const submission = parseWithZod(formData, { schema: ForgotSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  if (await mailFormLimited(context.clientIp, submission.value.email)) return json(submission.reply({ formErrors: [mailFormLimitMessage] }), { status: 429 })
  // The same answer, after the same time, whether or not the address has an account: nobody can probe for accounts.
  await steadily(() => requestPasswordReset(submission.value.email, publicBaseUrl()))
  throw redirect(
    '/inloggen',
    await withToast({
      kind: 'info',
      message: `Als ${submission.value.email} bij een account hoort, krijgt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen.`,
    }),
  )
}

export default function ForgotPasswordPage() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult,
    constraint: getZodConstraint(ForgotSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-md">
      <h1>Wachtwoord vergeten</h1>
      <p className="mt-2 mb-6 text-slate-700">
        Vul het e-mailadres van uw account in. We sturen u een link waarmee u een nieuw wachtwoord kiest.
      </p>
      <Form method="post" {...getFormProps(form)}>
        <HoneypotFields label="Laat dit veld leeg" />
        <ErrorSummary form={form} />
        <Field
          label="E-mailadres"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }}
        />
        <button type="submit" className="btn-primary w-full">
          Stuur me een link
        </button>
      </Form>
      <p className="mt-6">
        <Link to="/inloggen">Terug naar inloggen</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Wachtwoord vergeten – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
