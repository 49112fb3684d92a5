import { json, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { EmployerSiteList, KboLink } from '#app/features/employers/employer-details'
import { ErrorPage } from '#app/components/error-page'
import { ScrollTable } from '#app/components/scroll-table'
import { verificationStatusLabels } from '#domain/employer-registration'
import { employerTypeLabels } from '#domain/placement-values'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { listEmployersForVerification, RECENT_DECISION_DAYS } from '#db/queries/employer-verification'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'employer:verify-region')
  const employers = await listEmployersForVerification(db(), user.regionCodes)
  return json({
    pending: employers.filter((e) => e.status === 'pending'),
    decided: employers.filter((e) => e.status !== 'pending'),
  })
}

type Employer = SerializeFrom<typeof loader>['pending'][number]

export default function EmployerQueuePage() {
  const { pending, decided } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Werkgevers verifiëren</h1>
      <p className="mt-2 max-w-3xl">
        Werkgevers met een vestiging in jouw regio's. Hun plaatsen worden pas zichtbaar nadat je ze goedkeurt. Kijk na of de
        organisatie bestaat: het ondernemingsnummer opent de KBO.
      </p>
      <EmployerTable
        id="wachtend"
        title={`Wachten op verificatie (${pending.length})`}
        empty="Er wachten geen werkgevers op verificatie."
        employers={pending}
      />
      <EmployerTable
        id="beslist"
        title="Geweigerd of onlangs goedgekeurd"
        help={`Goedgekeurde werkgevers blijven hier ${RECENT_DECISION_DAYS} dagen staan. Geweigerde werkgevers kan je later alsnog goedkeuren.`}
        empty="Je hebt de voorbije tijd geen werkgevers beoordeeld."
        employers={decided}
      />
    </>
  )
}

function EmployerTable(props: { id: string; title: string; help?: string; empty: string; employers: Employer[] }) {
  const { id, title, help, empty, employers } = props
  return (
    <section className="mt-8" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {help ? <p className="mt-1 text-slate-700">{help}</p> : null}
      {employers.length === 0 ? (
        <p className="mt-3">{empty}</p>
      ) : (
        <ScrollTable
          id={`${id}-caption`}
          className="mt-3"
          tableClass="align-top"
          caption={title}
          headings={['Organisatie', 'Ondernemingsnummer', 'Soort en sector', 'Contactpersoon', 'Vestigingen', 'Geregistreerd', 'E-mail bevestigd', 'Status']}
          headingClass="px-2 py-2 align-bottom"
        >
          {employers.map((e) => (
            <tr key={e.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-2 py-2 font-semibold">
                <Link to={`/admin/werkgevers/${e.id}`}>{e.name}</Link>
              </th>
              <td className="px-2 py-2">
                <KboLink enterpriseNumber={e.enterpriseNumber} />
              </td>
              <td className="px-2 py-2">
                {e.employerType ? employerTypeLabels[e.employerType].label : ''}
                <br />
                {e.sector}
              </td>
              <td className="px-2 py-2">
                {e.contactName}
                <br />
                <span className="break-all">{e.contactEmail}</span>
                {e.contactPhone ? (
                  <>
                    <br />
                    {e.contactPhone}
                  </>
                ) : null}
              </td>
              <td className="px-2 py-2">
                <EmployerSiteList sites={e.sites} />
              </td>
              <td className="px-2 py-2">{formatDateTime(e.registeredAt)}</td>
              <td className="px-2 py-2">{e.emailConfirmed ? 'Ja' : 'Nee'}</td>
              <td className="px-2 py-2">{verificationStatusLabels[e.status]}</td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Werkgevers verifiëren – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
