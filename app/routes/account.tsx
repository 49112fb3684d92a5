import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { digest } from '~/auth/crypto.server'
import { roleLabels } from '~/auth/permissions'
import { readSessionSecret, requireUser } from '~/auth/session.server'
import { ErrorPage } from '~/components/error-page'
import { formatDateTime } from '~/utils/dates'
import { withToast } from '~/utils/toast.server'
import { db } from '~/utils/db.server'
import { audit } from '../../db/queries/audit'
import { deleteUserSessions } from '../../db/queries/auth'
import { listUserSessions } from '../../db/queries/organisations'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const current = digest((await readSessionSecret(request)) ?? '')
  const sessions = await listUserSessions(db(), user.id)
  return json({
    user: { name: user.name, email: user.email, role: roleLabels[user.role], organisation: user.organisation.name },
    sessions: sessions.map(({ idHash, ...s }) => ({ ...s, current: idHash === current })),
  })
}

// The only action here: end every other session (a lost phone, a shared computer).
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const current = digest((await readSessionSecret(request)) ?? '')
  await db().transaction(async (tx) => {
    await deleteUserSessions(tx, user.id, current)
    await audit(tx, { actorUserId: user.id, action: 'session.revoke-others', subjectType: 'user', subjectId: user.id })
  })
  throw redirect('/account', await withToast({ kind: 'success', message: 'Je bent overal elders uitgelogd.' }))
}

export default function AccountPage() {
  const { user, sessions } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Mijn account</h1>
      <dl className="card mt-6 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Naam</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">E-mailadres</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">Rol</dt>
        <dd>{user.role}</dd>
        <dt className="font-semibold">Organisatie</dt>
        <dd>{user.organisation}</dd>
      </dl>
      <section className="mt-8 max-w-2xl" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Waar je bent ingelogd</h2>
        <p className="mt-2 text-slate-700">Na 30 minuten zonder activiteit word je vanzelf uitgelogd.</p>
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
            <button type="submit" className="btn-secondary">
              Overal elders uitloggen
            </button>
          </Form>
        ) : null}
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Mijn account – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
