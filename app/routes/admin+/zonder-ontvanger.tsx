import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { todayIso } from '#domain/compensation-rules'
import { ErrorPage } from '#app/components/error-page'
import { UnreceivedTable } from '#app/features/triage/unreceived-table'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { listUnreceivedIntakes, rerouteUnreceived } from '#db/queries/intake-unreceived'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:read-unreceived')
  const today = todayIso()
  const { rows, more } = await db().transaction((tx) => listUnreceivedIntakes(tx, user, today))
  return json({ rows, more, today, everywhere: user.role === 'platform_admin' })
}

// One action: route the waiting intakes again, as the form would route them now.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:read-unreceived')
  const { moved, stillWaiting } = await db().transaction((tx) => rerouteUnreceived(tx, user))
  const message =
    moved === 0
      ? 'Geen enkele aanmelding kon naar een organisatie met een triagemedewerker: nodig eerst iemand uit of pas de gemeenten van een organisatie aan.'
      : `${moved === 1 ? '1 aanmelding is' : `${moved} aanmeldingen zijn`} opnieuw toegewezen.${stillWaiting > 0 ? ` ${stillWaiting} ${stillWaiting === 1 ? 'wacht' : 'wachten'} nog op een ontvanger.` : ''}`
  throw redirect('/admin/zonder-ontvanger', await withToast({ kind: moved === 0 ? 'info' : 'success', message }))
}

export default function UnreceivedPage() {
  const { rows, more, today, everywhere } = useLoaderData<typeof loader>()
  const overdue = rows.filter((row) => row.overdue).length
  return (
    <>
      <h1>Aanmeldingen zonder ontvanger</h1>
      <p className="mt-2 max-w-3xl">
        Deze aanmeldingen van inwoners{everywhere ? '' : ' in jouw regio’s'} staan bij een OCMW of VDAB-team zonder actieve triagemedewerker, of bij een
        gedeactiveerde organisatie: niemand ziet ze in een wachtrij. De termijn voor een eerste contact loopt. Nodig een triagemedewerker uit bij de
        organisatie (<Link to="/admin/organisaties">Organisaties</Link>), of pas aan welke organisatie de gemeente bedient en wijs de aanmeldingen
        daarna opnieuw toe. Om de inwoners te beschermen zie je hier geen namen.
      </p>
      {rows.length === 0 ? (
        <p className="mt-6">Er wacht geen enkele aanmelding zonder ontvanger.</p>
      ) : (
        <>
          <p className="mt-4">
            {rows.length === 1 ? '1 aanmelding' : `${rows.length} aanmeldingen`}
            {overdue > 0 ? `, waarvan ${overdue} te laat voor een eerste contact (bovenaan)` : ''}.{more ? ' Er zijn er meer dan we tonen.' : ''}
          </p>
          <Form method="post" className="mt-4">
            <button type="submit" className="btn-primary">
              Opnieuw toewijzen waar dat nu kan
            </button>
          </Form>
          <UnreceivedTable rows={rows} today={today} />
        </>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Aanmeldingen zonder ontvanger – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
