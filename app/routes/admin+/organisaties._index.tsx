import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { ORGANISATION_PAGE_SIZE, OrganisationFilterForm, organisationFilterQuery, OrganisationTable, parseOrganisationFilters } from '#app/features/organisations/organisation-list'
import { Pagination } from '#app/components/pagination'
import { typesFor } from '#app/features/organisations/organisation-admin'
import { db } from '#app/utils/db.server'
import { requireOrganisationAdmin } from '#app/features/organisations/organisation-admin.server'
import { listManagedOrganisations } from '#db/queries/organisation-admin'

/** /admin/organisaties: the OCMWs, VDAB teams, outreach partners (and for platform admins the platform teams). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { admin, regions } = await requireOrganisationAdmin(request)
  const { values, filters, page } = parseOrganisationFilters(
    new URL(request.url).searchParams,
    regions.map((r) => r.code),
  )
  const offset = (page - 1) * ORGANISATION_PAGE_SIZE
  const { rows, total } = await listManagedOrganisations(db(), admin, filters, { limit: ORGANISATION_PAGE_SIZE, offset })
  return json({
    everything: admin.regionCodes === null,
    regions,
    types: typesFor(admin),
    values,
    query: organisationFilterQuery(values),
    rows,
    total,
    page,
    pageCount: Math.ceil(total / ORGANISATION_PAGE_SIZE),
  })
}

const count = new Intl.NumberFormat('nl-BE')

export default function OrganisationsPage() {
  const { everything, regions, types, values, query, rows, total, page, pageCount } = useLoaderData<typeof loader>()
  const pageLink = (n: number) => `?${[query, n > 1 ? `pagina=${n}` : ''].filter(Boolean).join('&')}`
  return (
    <>
      <h1>Organisaties</h1>
      <p className="mt-2 max-w-3xl">
        {everything
          ? 'Alle OCMW’s, VDAB-teams, outreachpartners en platformteams. Werkgevers beheer je onder Werkgevers verifiëren.'
          : `De OCMW’s, VDAB-teams en outreachpartners die minstens één gemeente bedienen in jouw regio’s (${regions.map((r) => r.name).join(', ') || 'geen'}).`}{' '}
        Hier vul je aan welke gemeenten ze bedienen, waar hun triageteam en hun functionaris voor gegevensbescherming bereikbaar zijn.
      </p>
      <p className="mt-4">
        <Link to="/admin/organisaties/nieuw" className="btn-primary">
          Nieuwe organisatie
        </Link>
      </p>
      <OrganisationFilterForm values={values} regions={regions} types={types} />
      <section className="mt-8" aria-labelledby="organisation-results-title">
        <h2 id="organisation-results-title">
          {count.format(total)} {total === 1 ? 'organisatie' : 'organisaties'}
          {pageCount > 1 ? `, pagina ${page} van ${pageCount}` : ''}
        </h2>
        {total === 0 ? (
          <p className="mt-2">Er zijn geen organisaties die bij deze filters passen.</p>
        ) : (
          <>
            <p className="mt-2">
              <Link to={`/admin/organisaties.csv${query ? `?${query}` : ''}`} reloadDocument>
                Download deze lijst als CSV
              </Link>
            </p>
            <OrganisationTable rows={rows} caption="Organisaties, op naam" />
            <Pagination page={page} pageCount={pageCount} href={pageLink} />
          </>
        )}
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Organisaties – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
