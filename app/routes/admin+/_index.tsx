import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { hasPermission } from '#domain/permissions'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { db } from '#app/utils/db.server'
import { countUnreceived } from '#db/queries/intake-unreceived'
import { countOrganisationsByType, listRegionsWithMunicipalityCount } from '#db/queries/organisations'

const typeLabels = {
  ocmw: "OCMW's",
  vdab: 'VDAB-teams',
  employer: 'Werkgevers',
  outreach_partner: 'Outreachpartners',
  platform: 'Platformteam',
} as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'dashboard:admin')
  const platformWide = hasPermission(user, 'organisation:manage')
  return json({
    name: user.name,
    regions: await listRegionsWithMunicipalityCount(db(), user.regionCodes),
    organisationCounts: platformWide ? await countOrganisationsByType(db()) : null,
    unreceived: hasPermission(user, 'intake:read-unreceived') ? await countUnreceived(db(), user) : 0,
  })
}

export default function AdminHome() {
  const { name, regions, organisationCounts, unreceived } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Beheer</h1>
      <p className="mt-2 text-lg">Welkom, {name}.</p>
      {unreceived > 0 ? (
        <p className="card mt-6 border-l-8 border-l-red-700">
          <strong>
            {unreceived === 1 ? '1 aanmelding wacht' : `${unreceived} aanmeldingen wachten`} zonder ontvanger:
          </strong>{' '}
          geen enkele triagemedewerker ziet ze. <Link to="/admin/zonder-ontvanger">Bekijk de aanmeldingen zonder ontvanger</Link>
        </p>
      ) : null}
      {regions.length > 0 ? (
        <section className="card mt-6" aria-labelledby="regions-title">
          <h2 id="regions-title">Jouw referentieregio's</h2>
          <ul className="mt-2 list-disc pl-6">
            {regions.map((r) => (
              <li key={r.code}>
                {r.name} ({r.municipalities} gemeenten)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {organisationCounts ? (
        <section className="card mt-6" aria-labelledby="orgs-title">
          <h2 id="orgs-title">Organisaties op Stapsteen</h2>
          <table className="mt-3 min-w-72">
            <caption className="sr-only">Aantal organisaties per soort</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-6 text-left">
                  Soort
                </th>
                <th scope="col" className="text-right">
                  Aantal
                </th>
              </tr>
            </thead>
            <tbody>
              {organisationCounts.map((row) => (
                <tr key={row.type}>
                  <td className="pr-6">{typeLabels[row.type]}</td>
                  <td className="text-right">{row.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Beheer – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
