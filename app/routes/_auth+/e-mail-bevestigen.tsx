import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { emailSchema } from '#domain/password-policy'
import { ErrorPage } from '#app/components/error-page'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { HoneypotFields } from '#app/components/honeypot-fields'
import { confirmationLinkIsUsable, confirmEmail, resendConfirmation } from '#app/features/employers/employer-registration.server'
import { checkHoneypot } from '#app/utils/honeypot.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { mailFormLimited, mailFormLimitMessage } from '#app/utils/rate-limit.server'
import { steadily } from '#app/utils/steady-answer.server'
import { withToast } from '#app/utils/toast.server'

const ResendSchema = z.object({ email: z.string({ required_error: 'Vul uw e-mailadres in.' }).pipe(emailSchema) })

// Public. The link in the mail only shows a button: mail gateways that scan links with GET must not use it up.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return json({ hasToken: token !== '', token, usable: token.length > 20 && (await confirmationLinkIsUsable(token)) })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  await checkHoneypot(formData)
  if (formData.get('intent') === 'confirm') {
    const token = String(formData.get('token') ?? '')
    // A link used meanwhile (another tab, a double click) shows the page again, which then says so.
    if (!(await confirmEmail(token, publicBaseUrl()))) throw redirect(`/e-mail-bevestigen?token=${encodeURIComponent(token)}`)
    throw redirect('/inloggen', await withToast({ kind: 'success', message: 'Uw e-mailadres is bevestigd. U kan inloggen.' }))
  }
  const submission = parseWithZod(formData, { schema: ResendSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  if (await mailFormLimited(context.clientIp, submission.value.email)) return json(submission.reply({ formErrors: [mailFormLimitMessage] }), { status: 429 })
  // The same answer, after the same time, whether or not the address has an account waiting: nobody can probe for accounts.
  await steadily(() => resendConfirmation(submission.value.email, publicBaseUrl()))
  throw redirect(
    '/inloggen',
    await withToast({
      kind: 'info',
      message: `Wacht ${submission.value.email} nog op bevestiging? Dan krijgt u binnen enkele minuten een e-mail met een nieuwe link.`,
    }),
  )
}

export default function ConfirmEmailPage() {
  const { hasToken, token, usable } = useLoaderData<typeof loader>()
  if (usable) {
    return (
      <div className="mx-auto max-w-md">
        <h1>E-mailadres bevestigen</h1>
        <p className="mt-2 mb-6 text-slate-700">Klik op de knop om te bevestigen dat dit uw e-mailadres is. Daarna kan u inloggen.</p>
        <Form method="post">
          <HoneypotFields label="Laat dit veld leeg" />
          <input type="hidden" name="token" value={token} />
          <button type="submit" name="intent" value="confirm" className="btn-primary w-full">
            Bevestig mijn e-mailadres
          </button>
        </Form>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1>E-mailadres bevestigen</h1>
      {hasToken ? (
        <p className="mt-4">
          Deze link is verlopen of al gebruikt. Is uw e-mailadres al bevestigd? Dan kan u gewoon <Link to="/inloggen">inloggen</Link>.
        </p>
      ) : null}
      <ResendForm />
    </div>
  )
}

function ResendForm() {
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'resend-confirmation',
    lastResult,
    constraint: getZodConstraint(ResendSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResendSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <h2 className="mt-8">Nieuwe link aanvragen</h2>
      <p className="mt-2 mb-6 text-slate-700">Vul het e-mailadres in waarmee u uw organisatie registreerde. We sturen u een nieuwe link.</p>
      <Form method="post" {...getFormProps(form)}>
        <HoneypotFields label="Laat dit veld leeg" />
        <ErrorSummary form={form} />
        <Field label="E-mailadres" errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }} />
        <button type="submit" name="intent" value="resend" className="btn-primary w-full">
          Stuur een nieuwe link
        </button>
      </Form>
    </>
  )
}

// The token in the address never goes to other sites ("same-origin", not "no-referrer": see wachtwoord-nieuw.tsx).
export const meta: MetaFunction = () => [{ title: 'E-mailadres bevestigen – Stapsteen' }, { name: 'referrer', content: 'same-origin' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
