import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { employerWorkFloorList } from '#app/features/trajectories/evaluation.server'
import { formatDate } from '#domain/compensation-labels'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:manage-own')
  const forms = await employerWorkFloorList(user)
  return json({ forms: forms.map(({ id, placementTitle, sharedFirstName, guidedBy, dueOn, answeredAt }) => ({ id, placementTitle, sharedFirstName, guidedBy, dueOn, answeredAt })) })
}

export default function WorkFloorListPage() {
  const { forms } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Evaluaties op de werkvloer</h1>
      <p className="mt-2 max-w-3xl">
        Een trajectbegeleider vraagt u hoe de persoon op uw werkervaringsplaats groeit. Uw inbreng komt in de evaluatie van het traject.
      </p>
      {forms.length === 0 ? (
        <p className="mt-4">Er is nog geen evaluatie gevraagd.</p>
      ) : (
        <ScrollTable id="work-floor-caption" className="mt-4" caption="Gevraagde evaluaties, open eerst" headings={['Persoon', 'Plaats', 'Begeleid door', 'Graag tegen', 'Status']}>
          {forms.map((f) => (
            <tr key={f.id} className="border-b border-slate-200">
              <td className="py-2 pr-4">
                <Link to={`/werkgever/evaluaties/${f.id}`}>{f.sharedFirstName ?? 'Naam niet gedeeld'}</Link>
              </td>
              <td className="py-2 pr-4">{f.placementTitle}</td>
              <td className="py-2 pr-4">{f.guidedBy}</td>
              <td className="py-2 pr-4">{formatDate(f.dueOn)}</td>
              <td className="py-2 pr-4">{f.answeredAt ? `Ingevuld op ${formatDate(f.answeredAt.slice(0, 10))}` : 'Nog in te vullen'}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Evaluaties op de werkvloer – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
