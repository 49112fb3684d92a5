import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { proposalStatusLabels } from '#domain/proposal-form'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { listEmployerProposals, listPlacementProposals } from '#db/queries/proposals'

/** ?plaats=<id> narrows the list to one of the organisation's placements. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const plaats = z.string().uuid().safeParse(new URL(request.url).searchParams.get('plaats'))
  const proposals = plaats.success ? await listPlacementProposals(db(), user, plaats.data) : await listEmployerProposals(db(), user)
  return json({ proposals, placement: plaats.success ? (proposals[0]?.placement ?? null) : null })
}

type Proposal = ReturnType<typeof useLoaderData<typeof loader>>['proposals'][number]

function ProposalTable({ caption, proposals }: { caption: string; proposals: Proposal[] }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {['Kandidaat', 'Plaats', 'Voorgesteld door', 'Voorgesteld op', 'Status'].map((h) => (
              <th key={h} scope="col" className="py-2 pr-4">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">
                <Link to={`/werkgever/voorstellen/${p.id}`}>{p.sharedFirstName ?? 'Kandidaat (naam niet gedeeld)'}</Link>
              </td>
              <td className="py-2 pr-4">{p.placement.title}</td>
              <td className="py-2 pr-4">{p.proposer.organisation}</td>
              <td className="py-2 pr-4">{formatDateTime(p.createdAt)}</td>
              <td className="py-2">{proposalStatusLabels[p.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export default function EmployerProposalsPage() {
  const { proposals, placement } = useLoaderData<typeof loader>()
  const open = proposals.filter((p) => p.status === 'open')
  const decided = proposals.filter((p) => p.status !== 'open')
  return (
    <>
      <h1>Voorstellen{placement ? ` voor ${placement.title}` : ''}</h1>
      <p className="mt-2 max-w-3xl">
        Trajectbegeleiders en bemiddelaars stellen kandidaten voor uw plaatsen voor. U ziet alleen wat de kandidaat met u wil delen. Aanvaardt u een
        voorstel, dan vult dat één plaats.
      </p>
      {placement ? (
        <p className="mt-2">
          <Link to="/werkgever/voorstellen">Alle voorstellen</Link>
        </p>
      ) : null}
      <section aria-labelledby="open-title" className="mt-6">
        <h2 id="open-title">Wachten op uw antwoord</h2>
        {open.length === 0 ? <p className="mt-2">Er wachten geen voorstellen op uw antwoord.</p> : <ProposalTable caption="Voorstellen die op uw antwoord wachten, nieuwste eerst" proposals={open} />}
      </section>
      <section aria-labelledby="decided-title" className="mt-8">
        <h2 id="decided-title">Beslist of ingetrokken</h2>
        {decided.length === 0 ? <p className="mt-2">Nog geen.</p> : <ProposalTable caption="Voorstellen waarover beslist is of die ingetrokken zijn, nieuwste eerst" proposals={decided} />}
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Voorstellen – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
