import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ErrorPage } from '#app/components/error-page'
import { ProposalForm } from '#app/features/proposals/proposal-form'
import { workHoursText } from '#domain/job-posting'
import { dutchLevelLabels } from '#domain/placement-values'
import { MAX_OPEN_PROPOSALS, proposalFormSchema, proposalRefusals, shareableValues } from '#domain/proposal-form'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { countOpenProposals, getProposablePlacement } from '#db/queries/proposals'
import { proposeClient } from '#app/features/proposals/proposals.server'

/** ?plaats=<id>: the placement chosen on the client's "passende plaatsen" page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'view')
  const placementId = new URL(request.url).searchParams.get('plaats') ?? undefined
  const [placement, open] = await Promise.all([getProposablePlacement(db(), placementId), countOpenProposals(db(), user, client.id)])
  return json({ client: { id: client.id, displayName: client.displayName, closed: client.closedAt !== null }, values: shareableValues(client), placement: placement ?? null, open })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'view')
  const submission = parseWithZod(await request.formData(), { schema: proposalFormSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await db().transaction((tx) => proposeClient(tx, user, { clientId: client.id, ...submission.value }, publicBaseUrl()))
  const list = `/begeleider/clienten/${client.id}/voorstellen`
  switch (outcome.kind) {
    case 'proposed':
      throw redirect(list, await withToast({ kind: 'success', message: `Het voorstel is verstuurd naar ${outcome.employer}. Je krijgt een e-mail zodra de werkgever beslist.` }))
    case 'duplicate':
      // Usually a double click: the first click made the proposal, so show it.
      throw redirect(list, await withToast({ kind: 'info', message: proposalRefusals.duplicate }))
    case 'client-not-found':
      throw new Response('Deze cliënt bestaat niet of hoort niet bij je organisatie.', { status: 404 })
    case 'no-consent':
      return json(submission.reply({ fieldErrors: { consent: ['Vink aan dat de cliënt akkoord gaat.'] } }), { status: 400 })
    default:
      return json(submission.reply({ formErrors: [proposalRefusals[outcome.kind]] }), { status: 409 })
  }
}

type Placement = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['placement']>

function PlacementSummary({ placement: p }: { placement: Placement }) {
  const rows: [string, string][] = [
    ['Werkgever', `${p.employer}, ${p.municipality}`],
    ['Jobdoelwit', p.occupation],
    ['Uren', workHoursText(p.hoursPerWeek, p.schedule)],
    ['Nederlands', dutchLevelLabels[p.dutchLevel].label],
    ['Vrije plaatsen', String(p.places)],
  ]
  return (
    <section aria-labelledby="placement-title" className="card mt-6 max-w-3xl">
      <h2 id="placement-title">{p.title}</h2>
      <dl className="mt-2">
        {rows.map(([term, value]) => (
          <div key={term} className="sm:grid sm:grid-cols-3 sm:gap-4">
            <dt className="font-semibold">{term}</dt>
            <dd className="sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3">
        <Link to={`/plaatsen/${p.id}`}>Bekijk de hele plaats</Link>
      </p>
    </section>
  )
}

/** Why no proposal can be made; announced when it is the answer to a submission (the form is gone then). */
function Refusal({ announce, text, to, link }: { announce: boolean; text: string; to: string; link: string }) {
  return (
    <p role={announce ? 'alert' : undefined} className="mt-4 max-w-3xl">
      {text} <Link to={to}>{link}</Link>
    </p>
  )
}

export default function NewProposalPage() {
  const { client, values, placement, open } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const back = `/begeleider/clienten/${client.id}`
  return (
    <>
      <p>
        <Link to={back}>← Terug naar {client.displayName}</Link>
      </p>
      <h1 className="mt-2">{client.displayName} voorstellen</h1>
      {client.closed ? (
        <Refusal announce={!!lastResult} text={proposalRefusals['client-closed']} to={back} link="Naar het dossier" />
      ) : !placement ? (
        <Refusal announce={!!lastResult} text={proposalRefusals['placement-unavailable']} to={`${back}/passend`} link="Zoek passende plaatsen" />
      ) : open >= MAX_OPEN_PROPOSALS ? (
        <Refusal announce={!!lastResult} text={proposalRefusals['too-many']} to={`${back}/voorstellen`} link="Bekijk de voorstellen" />
      ) : (
        <>
          <p className="mt-2 max-w-3xl">
            De werkgever ziet alleen wat de cliënt wil delen, nooit het dossier. Na het voorstel heeft de cliënt {open + 1} van de {MAX_OPEN_PROPOSALS}{' '}
            openstaande voorstellen.
          </p>
          <PlacementSummary placement={placement} />
          <ProposalForm key={placement.id} placementId={placement.id} values={values} lastResult={lastResult} />
        </>
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.client.displayName ?? 'Cliënt'} voorstellen – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
