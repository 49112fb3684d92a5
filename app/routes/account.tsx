import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { createApiToken } from '#app/auth/api-token.server'
import { digest } from '#core/crypto.server'
import { withPasswordPolicy } from '#app/auth/password-policy.server'
import { changeOwnPassword } from '#app/auth/password.server'
import { hasPermission, roleLabels } from '#domain/permissions'
import { readSessionSecret, requireUser } from '#app/auth/session.server'
import { AccountApiTokens } from '#app/features/accounts/api-tokens'
import { AccountPasswordForm } from '#app/features/accounts/password-form'
import { ErrorPage } from '#app/components/error-page'
import { accountActionSchema, passwordFields } from '#app/features/accounts/forms'
import { formatDateTime } from '#app/utils/dates'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { db } from '#app/utils/db.server'
import { audit } from '#db/queries/audit'
import { deleteUserSessions, listApiTokens, revokeApiToken } from '#db/queries/auth'
import { listUserSessions } from '#db/queries/organisations'

const currentSession = async (request: Request) => digest((await readSessionSecret(request)) ?? '')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const current = await currentSession(request)
  const [sessions, tokens] = await Promise.all([listUserSessions(db(), user.id), listApiTokens(db(), user.id)])
  return json({
    user: { name: user.name, email: user.email, role: roleLabels[user.role], organisation: user.organisation.name },
    sessions: sessions.map(({ idHash, ...s }) => ({ ...s, current: idHash === current })),
    tokens,
    mayCreateToken: hasPermission(user, 'api:use'),
  })
}

const PASSWORD_MESSAGES = {
  invalid: 'Dit is niet uw huidige wachtwoord.',
  'rate-limited': 'Te veel mislukte pogingen met uw wachtwoord. Probeer het later opnieuw, of log uit en kies "Wachtwoord vergeten".',
}

// Every signed-in user manages their own password, sessions and API keys here; only roles that use the API make new keys.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const schema = withPasswordPolicy(accountActionSchema, (value) => (value.intent === 'password-change' ? { ...user, password: value.password } : undefined))
  const submission = parseWithZod(await request.formData(), { schema })
  // The password form's answer goes to that form only (passwords never travel back into the page).
  const passwordAnswer = (reply: Parameters<typeof submission.reply>[0], status: number) =>
    json({ newToken: null, passwordChange: submission.reply({ ...reply, hideFields: passwordFields }) }, { status })
  if (submission.status !== 'success') {
    if (submission.payload.intent === 'password-change') return passwordAnswer({}, 400)
    return json({ newToken: null, ...submission.reply() }, { status: 400 })
  }
  const { value } = submission
  if (value.intent === 'password-change') {
    const keepSessionIdHash = await currentSession(request)
    const changed = await changeOwnPassword(user, { ...value, clientIp: context.clientIp, keepSessionIdHash, baseUrl: publicBaseUrl() })
    if (!changed.ok && changed.reason === 'rate-limited') return passwordAnswer({ formErrors: [PASSWORD_MESSAGES['rate-limited']] }, 429)
    if (!changed.ok) return passwordAnswer({ fieldErrors: { currentPassword: [PASSWORD_MESSAGES.invalid] } }, 400)
    throw redirect('/account', await withToast({ kind: 'success', message: 'Uw wachtwoord is gewijzigd. Overal elders bent u uitgelogd.' }))
  }
  if (value.intent === 'sessions-revoke-others') {
    const current = await currentSession(request)
    await db().transaction(async (tx) => {
      await deleteUserSessions(tx, user.id, current)
      await audit(tx, { actorUserId: user.id, action: 'session.revoke-others', subjectType: 'user', subjectId: user.id })
    })
    throw redirect('/account', await withToast({ kind: 'success', message: 'U bent overal elders uitgelogd.' }))
  }
  if (value.intent === 'token-create') {
    if (!hasPermission(user, 'api:use')) throw new Response('Uw rol gebruikt de API niet.', { status: 403 })
    const newToken = await db().transaction((tx) => createApiToken(tx, user.id, 'account'))
    // Shown once, in this answer only: no redirect (the token would have to travel in a URL or cookie), no caching.
    return json({ newToken }, { headers: { 'Cache-Control': 'no-store' } })
  }
  const revoked = await db().transaction(async (tx) => {
    const done = await revokeApiToken(tx, user.id, value.tokenId)
    if (done) await audit(tx, { actorUserId: user.id, action: 'api-token.revoke', subjectType: 'api-token', subjectId: value.tokenId })
    return done
  })
  if (!revoked) throw new Response('Deze sleutel bestaat niet of is al ingetrokken.', { status: 404 })
  throw redirect('/account', await withToast({ kind: 'success', message: 'De API-sleutel is ingetrokken: hij werkt vanaf nu niet meer.' }))
}

export default function AccountPage() {
  const { user, sessions, tokens, mayCreateToken } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <>
      <h1>Mijn account</h1>
      <dl className="card mt-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Naam</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">E-mailadres</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">Rol</dt>
        <dd>{user.role}</dd>
        <dt className="font-semibold">Organisatie</dt>
        <dd>{user.organisation}</dd>
      </dl>
      <section className="mt-8 max-w-2xl" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Waar u bent ingelogd</h2>
        <p className="mt-2 text-slate-700">Na 30 minuten zonder activiteit wordt u vanzelf uitgelogd.</p>
        <ul className="mt-3 space-y-2">
          {sessions.map((s) => (
            <li key={s.createdAt} className="card">
              Ingelogd op {formatDateTime(s.createdAt)}, laatst actief {formatDateTime(s.lastSeenAt)}
              {s.current ? <strong> (deze sessie)</strong> : null}
            </li>
          ))}
        </ul>
        {sessions.length > 1 ? (
          <Form method="post" className="mt-4">
            <button type="submit" name="intent" value="sessions-revoke-others" className="btn-secondary">
              Overal elders uitloggen
            </button>
          </Form>
        ) : null}
      </section>
      <AccountPasswordForm lastResult={actionData && 'passwordChange' in actionData ? actionData.passwordChange : undefined} />
      <AccountApiTokens tokens={tokens} newToken={actionData && 'newToken' in actionData ? actionData.newToken : null} mayCreate={mayCreateToken} />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Mijn account – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
