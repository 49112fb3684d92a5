import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { passwordAdvice, passwordSchema } from '#domain/password-policy'
import { withPasswordPolicy } from '#app/auth/password-policy.server'
import { passwordLink, resetPassword } from '#app/auth/password.server'
import { ErrorPage } from '#app/components/error-page'
import { ErrorSummary } from '#app/components/error-summary'
import { NewPasswordFields } from '#app/features/accounts/new-password-fields'
import { withToast } from '#app/utils/toast.server'

const NewPasswordSchema = z
  .object({
    token: z.string().min(20),
    password: passwordSchema,
    confirm: z.string({ required_error: 'Herhaal uw nieuwe wachtwoord.' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'De twee wachtwoorden zijn niet gelijk.' })

const EXPIRED = 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan via "Wachtwoord vergeten".'

/**
 * One page for both links that set a password: "forgot password" replaces one, an invitation chooses the first.
 * Only the wording differs.
 */
const wording = {
  reset: {
    title: 'Nieuw wachtwoord kiezen',
    password: 'Nieuw wachtwoord',
    confirm: 'Herhaal het nieuwe wachtwoord',
    saved: 'Uw nieuwe wachtwoord is opgeslagen. Log in om verder te gaan.',
  },
  first: {
    title: 'Kies een wachtwoord',
    password: 'Wachtwoord',
    confirm: 'Herhaal het wachtwoord',
    saved: 'Uw wachtwoord is opgeslagen. Log in met uw e-mailadres en uw wachtwoord.',
  },
}

async function linkFor(token: string) {
  return token.length > 20 ? passwordLink(token) : { state: 'unusable' as const }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return json({ token, state: (await linkFor(token)).state })
}

const hideFields = ['password', 'confirm']

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData()
  // The link says whose password this is: the policy refuses that person's name and address.
  const link = await linkFor(String(formData.get('token') ?? ''))
  const owner = link.state === 'unusable' ? undefined : link.owner
  const schema = withPasswordPolicy(NewPasswordSchema, (value) => owner && { ...owner, password: value.password })
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return json(submission.reply({ hideFields }), { status: 400 })
  const { token, password } = submission.value
  const expired = () => json(submission.reply({ formErrors: [EXPIRED], hideFields }), { status: 400 })
  if (link.state === 'unusable' || !(await resetPassword(token, password))) return expired()
  throw redirect('/inloggen', await withToast({ kind: 'success', message: wording[link.state].saved }))
}

export default function NewPasswordPage() {
  const { token, state } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-password',
    lastResult,
    constraint: getZodConstraint(NewPasswordSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPasswordSchema }),
    // After a failed attempt, errors update while typing: revalidating on blur removed an error when the
    // pointer went down on "Wachtwoord opslaan", the button moved up and the click was lost.
    shouldRevalidate: 'onInput',
  })
  if (state === 'unusable') {
    return (
      <div className="mx-auto max-w-md">
        <h1>Nieuw wachtwoord kiezen</h1>
        <p className="mt-4">{EXPIRED}</p>
        <p className="mt-6">
          <Link to="/wachtwoord-vergeten">Nieuwe link aanvragen</Link>
        </p>
      </div>
    )
  }
  const words = wording[state]
  return (
    <div className="mx-auto max-w-md">
      <h1>{words.title}</h1>
      <p className="mt-2 mb-6 text-slate-700">{passwordAdvice}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} labels={words} />
        <button type="submit" className="btn-primary w-full">
          Wachtwoord opslaan
        </button>
      </Form>
    </div>
  )
}

// The token in the address never goes to other sites. Not "no-referrer": with it, browsers send `Origin: null`
// with the form, which Remix refuses as a possible CSRF attack (HTTP 500), so the form failed without JavaScript.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.state === 'first' ? 'Wachtwoord kiezen' : 'Nieuw wachtwoord'} – Stapsteen` },
  { name: 'referrer', content: 'same-origin' },
]

export function ErrorBoundary() {
  return <ErrorPage />
}
