import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '~/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { passwordSchema } from '~/auth/password-policy'
import { resetLinkIsUsable, resetPassword } from '~/auth/password.server'
import { ErrorPage } from '~/components/error-page'
import { Field, FormErrors } from '~/components/forms'
import { withToast } from '~/utils/toast.server'

const NewPasswordSchema = z
  .object({
    token: z.string().min(20),
    password: passwordSchema,
    confirm: z.string({ required_error: 'Herhaal je nieuwe wachtwoord.' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'De twee wachtwoorden zijn niet gelijk.' })

const EXPIRED = 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan via "Wachtwoord vergeten".'

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return json({ token, usable: token.length > 20 && (await resetLinkIsUsable(token)) })
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: NewPasswordSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password', 'confirm'] }), { status: 400 })
  }
  const changed = await resetPassword(submission.value.token, submission.value.password)
  if (!changed) return json(submission.reply({ formErrors: [EXPIRED], hideFields: ['password', 'confirm'] }), { status: 400 })
  throw redirect('/inloggen', await withToast({ kind: 'success', message: 'Je nieuwe wachtwoord is opgeslagen. Log in om verder te gaan.' }))
}

export default function NewPasswordPage() {
  const { token, usable } = useLoaderData<typeof loader>()
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
  if (!usable) {
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
  return (
    <div className="mx-auto max-w-md">
      <h1>Nieuw wachtwoord kiezen</h1>
      <p className="mt-2 mb-6 text-slate-700">Kies een wachtwoord van minstens 12 tekens. Een zin van een paar woorden werkt goed.</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <Field
          label="Nieuw wachtwoord"
          help="Minstens 12 tekens."
          errors={fields.password.errors}
          inputProps={{ ...getInputProps(fields.password, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <Field
          label="Herhaal het nieuwe wachtwoord"
          errors={fields.confirm.errors}
          inputProps={{ ...getInputProps(fields.confirm, { type: 'password' }), autoComplete: 'new-password' }}
        />
        <button type="submit" className="btn-primary w-full">
          Wachtwoord opslaan
        </button>
      </Form>
    </div>
  )
}

// The token in the address never goes to other sites. Not "no-referrer": with it, browsers send `Origin: null`
// with the form, which Remix refuses as a possible CSRF attack (HTTP 500), so the form failed without JavaScript.
export const meta: MetaFunction = () => [{ title: 'Nieuw wachtwoord – Stapsteen' }, { name: 'referrer', content: 'same-origin' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
