import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { PageErrorSummary } from '#app/components/error-summary'
import { ProposalDecision } from '#app/features/proposals/proposal-decision'
import { ProposalSnapshot } from '#app/features/proposals/proposal-snapshot'
import { canTransition } from '#domain/placement-lifecycle'
import { declineReasonLabels, decisionFormSchema, proposalStatusLabels } from '#domain/proposal-form'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { withToast } from '#app/utils/toast.server'
import { type Decision, getEmployerProposal } from '#db/queries/proposals'
import { decideProposal } from '#app/features/proposals/proposals.server'
import type { SessionUser } from '#domain/session-user'

async function requireProposal(user: SessionUser, id: string | undefined, purpose: 'view' | 'decide') {
  const proposal = await getEmployerProposal(db(), user, id, purpose)
  if (!proposal) throw new Response('Dit voorstel bestaat niet of hoort niet bij uw plaatsen.', { status: 404 })
  return proposal
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  return json({ proposal: await requireProposal(user, params.id, 'view') })
}

const placesLeftText = (n: number) =>
  n === 0 ? 'Dat was de laatste vrije plaats: de plaats staat nu op "Ingevuld".' : `Er ${n === 1 ? 'is' : 'zijn'} nog ${n} ${n === 1 ? 'plaats' : 'plaatsen'} vrij.`

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const proposal = await requireProposal(user, params.id, 'decide')
  const submission = parseWithZod(await request.formData(), { schema: decisionFormSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const { intent, reason, note } = submission.value
  // The schema requires a reason whenever the intent is "decline".
  const decision: Decision = intent === 'accept' ? { decision: 'accept' } : { decision: 'decline', reason: reason!, note }
  const outcome = await db().transaction((tx) => decideProposal(tx, user, proposal.id, decision, publicBaseUrl()))
  const here = `/werkgever/voorstellen/${proposal.id}`
  switch (outcome.kind) {
    case 'accepted':
      throw redirect(here, await withToast({ kind: 'success', message: `U hebt het voorstel aanvaard. ${placesLeftText(outcome.placesLeft ?? 0)} De begeleider krijgt een e-mail.` }))
    case 'declined':
      throw redirect(here, await withToast({ kind: 'success', message: 'U hebt het voorstel afgewezen. De begeleider krijgt een e-mail met de reden.' }))
    case 'not-found':
      throw new Response('Dit voorstel bestaat niet of hoort niet bij uw plaatsen.', { status: 404 })
    // Stale page: a colleague decided first, the caseworker withdrew, or another proposal took the last place.
    case 'not-open':
      return json({ error: `Over dit voorstel is intussen beslist: het is ${proposalStatusLabels[outcome.status].toLowerCase()}.` }, { status: 409 })
    case 'no-place':
      return json({ error: 'Er is geen vrije plaats meer: een collega heeft net de laatste plaats ingevuld. U kan dit voorstel nog afwijzen.' }, { status: 409 })
  }
}

export default function EmployerProposalPage() {
  const { proposal: p } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const free = canTransition(p.placement.status, 'filled') ? p.placement.places : 0
  return (
    <>
      <p>
        <Link to="/werkgever/voorstellen">← Alle voorstellen</Link>
      </p>
      <PageErrorSummary errors={actionData && 'error' in actionData ? [actionData.error] : undefined} answer={actionData} />
      <h1 className="mt-2">Kandidaat voor {p.placement.title}</h1>
      <p className="mt-2">
        <strong>Status: {proposalStatusLabels[p.status]}</strong>
        {p.decidedAt ? ` (${formatDateTime(p.decidedAt)})` : ''}
      </p>
      {p.declineReason ? (
        <p className="mt-1">
          Reden: {declineReasonLabels[p.declineReason]}
          {p.declineNote ? ` – ${p.declineNote}` : ''}
        </p>
      ) : null}
      <p className="mt-2 max-w-3xl">
        Voorgesteld op {formatDateTime(p.createdAt)} door {p.proposer.name ? `${p.proposer.name}, ` : ''}
        {p.proposer.organisation}
        {p.proposer.email ? (
          <>
            {' '}
            (<a href={`mailto:${p.proposer.email}`}>{p.proposer.email}</a>)
          </>
        ) : null}
        . <Link to={`/werkgever/plaatsen/${p.placement.id}`}>Naar de plaats</Link>
      </p>
      <section aria-labelledby="candidate-title" className="mt-6">
        <h2 id="candidate-title">Wat de kandidaat met u deelt</h2>
        <ProposalSnapshot snapshot={p} />
        {p.message ? <p className="mt-3 max-w-3xl whitespace-pre-line">Bericht van de begeleider: {p.message}</p> : null}
      </section>
      {p.status === 'open' ? <ProposalDecision places={free} lastResult={actionData && 'result' in actionData ? actionData.result : undefined} /> : null}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Kandidaat voor ${data?.proposal.placement.title ?? 'uw plaats'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
