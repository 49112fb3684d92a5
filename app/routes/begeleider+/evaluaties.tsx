import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { type DueEvaluation, dueEvaluations } from '#app/features/trajectories/evaluation.server'
import { formatDate } from '#domain/compensation-labels'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const due = await dueEvaluations(user)
  return json({ mine: due.filter((d) => d.mine), team: due.filter((d) => !d.mine) })
}

export default function DueEvaluationsPage() {
  const { mine, team } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Evaluaties</h1>
      <p className="mt-2 max-w-3xl">
        Elk actief TWE-traject wordt geëvalueerd na elke fase en minstens om de zes maanden. Je krijgt een herinnering twee weken op voorhand en op
        de dag zelf. Geschorste trajecten staan hier niet.
      </p>
      <section aria-labelledby="mine-title" className="mt-6">
        <h2 id="mine-title">Jouw trajecten</h2>
        <DueTable id="mine-caption" caption="Jouw trajecten, eerstvolgende evaluatie eerst" rows={mine} />
      </section>
      <section aria-labelledby="team-title" className="mt-8">
        <h2 id="team-title">Trajecten van je team</h2>
        <DueTable id="team-caption" caption="Trajecten van je collega's, eerstvolgende evaluatie eerst" rows={team} withBegeleider />
      </section>
    </>
  )
}

function DueTable({ id, caption, rows, withBegeleider = false }: { id: string; caption: string; rows: DueEvaluation[]; withBegeleider?: boolean }) {
  if (rows.length === 0) return <p className="mt-2">Geen actieve trajecten.</p>
  const headings = ['Cliënt', ...(withBegeleider ? ['Trajectbegeleider'] : []), 'Evaluatie ten laatste op']
  return (
    <ScrollTable id={id} caption={caption} headings={headings}>
      {rows.map((row) => (
        <tr key={row.clientId} className="border-b border-slate-200">
          <td className="py-2 pr-4">
            <Link to={`/begeleider/clienten/${row.clientId}/traject`}>{row.clientName}</Link>
          </td>
          {withBegeleider ? <td className="py-2 pr-4">{row.begeleider ?? 'Niemand'}</td> : null}
          <td className={`py-2 pr-4 ${row.overdue ? 'font-semibold text-red-800' : ''}`}>
            {row.overdue ? `Te laat: was ${formatDate(row.dueOn)}` : formatDate(row.dueOn)}
          </td>
        </tr>
      ))}
    </ScrollTable>
  )
}

export const meta: MetaFunction = () => [{ title: 'Evaluaties – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
