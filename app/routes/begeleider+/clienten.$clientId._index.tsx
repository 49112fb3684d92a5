import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { requireUserWithPermission } from '~/auth/session.server'
import { requireClient } from '~/components/client-editor.server'
import { ErrorPage } from '~/components/error-page'
import { clientDutchLevelLabels } from '~/domain/client-form'
import { formatHours } from '~/domain/placement-form'
import { instrumentLabels } from '~/domain/placement-values'
import { formatDateTime } from '~/utils/dates'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { organisationId: _organisation, caseworkerUserId: _caseworker, ...client } = await requireClient(user, params.clientId, 'view')
  return json({ client })
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  )
}

const notGiven = 'Niet ingevuld'

export default function ClientPage() {
  const { client } = useLoaderData<typeof loader>()
  const base = `/begeleider/clienten/${client.id}`
  const dutch = clientDutchLevelLabels[client.dutchLevel]
  return (
    <>
      <p>
        <Link to="/begeleider/clienten">← Alle cliënten</Link>
      </p>
      <h1 className="mt-2">{client.displayName}</h1>
      <p className="mt-4 flex flex-wrap items-center gap-3">
        <Link to={`${base}/passend`} className="btn-primary px-6 py-3 text-lg">
          Zoek passende plaatsen
        </Link>
        <Link to={`${base}/bewerken`} className="btn-secondary">
          Bewerken
        </Link>
        <Link to={`${base}/voorstellen`}>Voorstellen van deze cliënt</Link>
      </p>
      <dl className="mt-6 max-w-3xl">
        <Row term="Voornaam">{client.firstName ?? notGiven}</Row>
        <Row term="Woonplaats">{[client.postcode, client.municipality].filter(Boolean).join(' ')}</Row>
        <Row term="Contact">{client.contact ?? notGiven}</Row>
        <Row term="Jobdoelwitten">
          <ol className="list-decimal pl-6">
            {client.jobTargets.map((target) => (
              <li key={target.uri}>{target.label}</li>
            ))}
          </ol>
        </Row>
        <Row term="Competenties">
          {client.competences.length === 0 ? (
            notGiven
          ) : (
            <ul className="list-disc pl-6">
              {client.competences.map((competence) => (
                <li key={competence}>{competence}</li>
              ))}
            </ul>
          )}
        </Row>
        <Row term="Nederlands">
          {dutch.label}
          {dutch.help ? <span className="block text-sm text-slate-700">{dutch.help}</span> : null}
        </Row>
        <Row term="Maximale afstand">{client.maxDistanceKm} km</Row>
        <Row term="Uren per week">{formatHours(client.hoursAvailable)} uur</Row>
        <Row term="Maatregelen">
          {client.instruments.length === 0 ? 'Geen voorkeur: plaatsen met elke maatregel' : client.instruments.map((i) => instrumentLabels[i].label).join(', ')}
        </Row>
        <Row term="Notities">{client.notes ? <span className="whitespace-pre-line">{client.notes}</span> : notGiven}</Row>
        <Row term="Begeleider">{client.caseworker ?? 'Niet meer actief'}</Row>
        <Row term="Toegevoegd">{formatDateTime(client.createdAt)}</Row>
        <Row term="Laatst gewijzigd">{formatDateTime(client.updatedAt)}</Row>
      </dl>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.client.displayName ?? 'Cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
