import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ErrorPage } from '#app/components/error-page'
import { PageErrorSummary } from '#app/components/error-summary'
import { ProposalSnapshot } from '#app/features/proposals/proposal-snapshot'
import { declineReasonLabels, MAX_OPEN_PROPOSALS, proposalStatusLabels } from '#domain/proposal-form'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { listClientProposals, withdrawProposal } from '#db/queries/proposals'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'view')
  return json({ client: { id: client.id, displayName: client.displayName }, proposals: await listClientProposals(db(), user, client.id) })
}

const WithdrawSchema = z.object({ intent: z.literal('withdraw'), proposalId: z.string().uuid() })

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'view')
  const submission = parseWithZod(await request.formData(), { schema: WithdrawSchema })
  const outcome = submission.status === 'success' ? await db().transaction((tx) => withdrawProposal(tx, user, submission.value.proposalId)) : undefined
  if (outcome?.kind === 'withdrawn') {
    const message = 'Het voorstel is ingetrokken. Je kan de cliënt nu voor een andere plaats voorstellen.'
    throw redirect(`/begeleider/clienten/${client.id}/voorstellen`, await withToast({ kind: 'success', message }))
  }
  // A stale page: the employer decided meanwhile, or a colleague withdrew it first.
  const error =
    outcome?.kind !== 'not-open'
      ? 'Dit voorstel bestaat niet (meer). Kies een voorstel uit de lijst.'
      : outcome.status === 'withdrawn'
        ? 'Dit voorstel is al ingetrokken.'
        : `De werkgever heeft dit voorstel intussen ${proposalStatusLabels[outcome.status].toLowerCase()}; intrekken kan niet meer.`
  return json({ error }, { status: outcome ? 409 : 400 })
}

type Proposal = ReturnType<typeof useLoaderData<typeof loader>>['proposals'][number]

function ProposalCard({ proposal: p }: { proposal: Proposal }) {
  const titleId = `proposal-${p.id}`
  return (
    <article aria-labelledby={titleId} className="card mt-4 max-w-3xl">
      <h3 id={titleId}>{p.placement.title}</h3>
      <p className="mt-1 text-slate-700">
        Bij {p.employer} · voorgesteld op {formatDateTime(p.createdAt)}
      </p>
      <p className="mt-2">
        <strong>Status: {proposalStatusLabels[p.status]}</strong>
        {p.decidedAt ? ` (${formatDateTime(p.decidedAt)})` : ''}
      </p>
      {p.declineReason ? (
        <p className="mt-1">
          Reden: {declineReasonLabels[p.declineReason]}
          {p.declineNote ? <span className="block">Toelichting van de werkgever: {p.declineNote}</span> : null}
        </p>
      ) : null}
      <p className="mt-3 font-semibold">Wat de werkgever ziet</p>
      <ProposalSnapshot snapshot={p} />
      {p.message ? <p className="mt-2 whitespace-pre-line">Je bericht: {p.message}</p> : null}
      {p.status === 'open' ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="proposalId" value={p.id} />
          <button type="submit" name="intent" value="withdraw" className="btn-secondary" aria-describedby={titleId}>
            Voorstel intrekken
          </button>
        </Form>
      ) : null}
    </article>
  )
}

export default function ClientProposalsPage() {
  const { client, proposals } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const open = proposals.filter((p) => p.status === 'open')
  const closed = proposals.filter((p) => p.status !== 'open')
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}`}>← Terug naar {client.displayName}</Link>
      </p>
      <PageErrorSummary errors={actionData ? [actionData.error] : undefined} answer={actionData} />
      <h1 className="mt-2">Voorstellen voor {client.displayName}</h1>
      <p className="mt-2 max-w-3xl">
        {`${open.length} van de ${MAX_OPEN_PROPOSALS} openstaande voorstellen. `}
        {open.length < MAX_OPEN_PROPOSALS ? (
          <Link to={`/begeleider/clienten/${client.id}/passend`}>Zoek passende plaatsen om voor te stellen</Link>
        ) : (
          'Wacht op een antwoord of trek een voorstel in voor je een nieuw voorstel doet.'
        )}
      </p>
      <section aria-labelledby="open-title" className="mt-6">
        <h2 id="open-title">Openstaand</h2>
        {open.length === 0 ? <p className="mt-2">Geen openstaande voorstellen.</p> : open.map((p) => <ProposalCard key={p.id} proposal={p} />)}
      </section>
      <section aria-labelledby="closed-title" className="mt-8">
        <h2 id="closed-title">Beslist of ingetrokken</h2>
        {closed.length === 0 ? <p className="mt-2">Nog geen.</p> : closed.map((p) => <ProposalCard key={p.id} proposal={p} />)}
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Voorstellen voor ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
