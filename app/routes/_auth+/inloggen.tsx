import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { emailSchema } from '#domain/password-policy'
import { waitInDutch } from '#app/auth/login-throttle.server'
import { verifyLogin } from '#app/auth/password.server'
import { homeByRole } from '#domain/permissions'
import { getUser, signIn } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { safeRedirect } from '#app/utils/redirect'
import { db } from '#app/utils/db.server'
import { loadSessionUser } from '#db/queries/users'

const LoginSchema = z.object({
  email: emailSchema,
  password: z.string({ required_error: 'Vul uw wachtwoord in.' }),
  redirectTo: z.string().optional(),
})

const EMAIL_UNCONFIRMED = 'Bevestig eerst uw e-mailadres via de link in uw mailbox.'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (user) throw redirect(homeByRole[user.role])
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: LoginSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const result = await verifyLogin(email, password, context.clientIp)
  if (!result.ok && result.reason === 'rate-limited') {
    // The same answer whether or not the address has an account: unknown addresses are throttled alike.
    const message = `Te veel mislukte pogingen. Probeer opnieuw over ${waitInDutch(result.retryAfterSeconds)}, of kies "Wachtwoord vergeten".`
    return json(submission.reply({ formErrors: [message], hideFields: ['password'] }), {
      status: 429,
      headers: { 'Retry-After': String(result.retryAfterSeconds) },
    })
  }
  if (!result.ok) {
    const message = result.reason === 'invalid' ? 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer opnieuw.' : EMAIL_UNCONFIRMED
    return json(submission.reply({ formErrors: [message], hideFields: ['password'] }), { status: 400 })
  }
  const user = await loadSessionUser(db(), result.userId)
  return signIn(request, result.userId, 'password', safeRedirect(redirectTo, user ? homeByRole[user.role] : '/'))
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'login',
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="mx-auto max-w-md">
      <h1>Inloggen</h1>
      <p className="mt-2 mb-6 text-slate-700">Voor medewerkers van werkgevers, OCMW's, VDAB en partnerorganisaties.</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <Field
          label="E-mailadres"
          errors={fields.email.errors}
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'username' }}
        />
        <Field
          label="Wachtwoord"
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'current-password' }}
        />
        <button type="submit" className="btn-primary w-full">
          Inloggen
        </button>
      </Form>
      {form.errors?.includes(EMAIL_UNCONFIRMED) ? (
        <p className="mt-6">
          <Link to="/e-mail-bevestigen">Geen e-mail gekregen? Vraag een nieuwe bevestigingslink.</Link>
        </p>
      ) : null}
      <p className="mt-6">
        <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction = () => [{ title: 'Inloggen – Stapsteen' }]

// A page answer takes only the headers named here: the action's Retry-After, not its JSON content type.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function ErrorBoundary() {
  return <ErrorPage />
}
