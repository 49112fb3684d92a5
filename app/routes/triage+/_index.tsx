import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { OrganisationOverview } from '#app/features/organisations/organisation-overview'
import { TriageFollowedTable } from '#app/features/triage/followed-table'
import { TriageQueueFilter } from '#app/features/triage/queue-filter'
import { TriageQueueTable } from '#app/features/triage/queue-table'
import { parseQueueFilter } from '#domain/triage-forms'
import { loadQueue } from '#app/features/triage/triage-queue.server'
import { ownOrganisationOverview } from '#app/features/organisations/own-organisation.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'intake:triage-own-org')
  const filter = parseQueueFilter(new URL(request.url).searchParams)
  // The queue is the triage worker's home: it also says who they work for, where (the queue's municipalities), and with whom.
  const overview = await ownOrganisationOverview(user)
  return json({ userName: user.name, organisation: user.organisation.name, overview, filter, ...(await loadQueue(user, filter)) })
}

export default function TriageQueuePage() {
  const { userName, organisation, overview, filter, rows, more, followed, today } = useLoaderData<typeof loader>()
  const overdue = rows.filter((row) => row.overdue).length
  return (
    <>
      <h1>Triagewachtrij</h1>
      <p className="mt-2 text-lg">Welkom, {userName}.</p>
      <p className="mt-2 max-w-3xl">
        Aanmeldingen van inwoners voor {organisation}. Een nieuwe aanmelding staat in de wachtrij van het OCMW van de gemeente én van het VDAB-team van de
        regio. Neem ze op, leg een eerste contact en beslis samen met de inwoner wie verder helpt.
      </p>
      <Form method="get" className="mt-6">
        <TriageQueueFilter value={filter} />
      </Form>
      <p className="mt-4">
        {rows.length === 1 ? '1 aanmelding' : `${rows.length} aanmeldingen`}
        {overdue > 0 ? `, waarvan ${overdue} te laat voor een eerste contact (bovenaan)` : ''}.
        {more ? ' Er zijn er meer dan we tonen: kies een status om ze te zien.' : ''}
      </p>
      <TriageQueueTable rows={rows} today={today} />
      <TriageFollowedTable rows={followed} organisation={organisation} />
      <OrganisationOverview overview={overview} />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Triagewachtrij – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
