import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { requireUserWithPermission } from '#app/auth/session.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { ErrorPage } from '#app/components/error-page'
import { clientDutchLevelLabels } from '#domain/client-form'
import { formatHours } from '#domain/placement-form'
import { instrumentLabels } from '#domain/placement-values'
import { formatDateTime } from '#app/utils/dates'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { setClientClosed } from '#db/queries/clients'
import { env } from '#core/env'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { organisationId: _organisation, caseworkerUserId: _caseworker, ...client } = await requireClient(user, params.clientId, 'view')
  return json({ client, retentionMonths: env().CLIENT_RETENTION_MONTHS })
}

const ClosingSchema = z.object({ intent: z.enum(['close', 'reopen']) })

/** Closing starts the retention clock (db/queries/client-retention.ts); reopening stops it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const submission = parseWithZod(await request.formData(), { schema: ClosingSchema })
  if (submission.status !== 'success') return json({ error: 'Onbekende actie.' }, { status: 400 })
  const close = submission.value.intent === 'close'
  const outcome = await db().transaction((tx) => setClientClosed(tx, user, params.clientId ?? '', close))
  if (outcome === 'not-found') throw new Response('Deze cliënt bestaat niet of hoort niet bij jouw organisatie.', { status: 404 })
  const message = { closed: 'Het dossier is afgesloten. Openstaande voorstellen zijn ingetrokken.', reopened: 'Het dossier is heropend.', unchanged: close ? 'Het dossier was al afgesloten.' : 'Het dossier was al open.' }[outcome]
  throw redirect(`/begeleider/clienten/${params.clientId}`, await withToast({ kind: outcome === 'unchanged' ? 'info' : 'success', message }))
}

/** Whether the record is open, and what closing it means for how long it is kept. */
function Closing({ closedAt, months }: { closedAt: string | null; months: number }) {
  return (
    <section aria-labelledby="closing-title" className="mt-8 max-w-3xl">
      <h2 id="closing-title">Dossier</h2>
      <Form method="post" className="mt-2">
        {closedAt ? (
          <>
            <p>
              Afgesloten op {formatDateTime(closedAt)}. {months} maanden na het afsluiten worden naam, contact, notities en competenties gewist.
            </p>
            <button type="submit" name="intent" value="reopen" className="btn-secondary mt-3">
              Dossier heropenen
            </button>
          </>
        ) : (
          <>
            <p>
              Sluit het dossier af als de begeleiding stopt. Openstaande voorstellen worden dan ingetrokken, en {months} maanden later worden naam,
              contact, notities en competenties gewist.
            </p>
            <button type="submit" name="intent" value="close" className="btn-secondary mt-3">
              Dossier afsluiten
            </button>
          </>
        )}
      </Form>
    </section>
  )
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
  const { client, retentionMonths } = useLoaderData<typeof loader>()
  const base = `/begeleider/clienten/${client.id}`
  const dutch = clientDutchLevelLabels[client.dutchLevel]
  return (
    <>
      <p>
        <Link to="/begeleider/clienten">← Alle cliënten</Link>
      </p>
      <h1 className="mt-2">
        {client.displayName}
        {client.closedAt ? ' (afgesloten)' : null}
      </h1>
      <p className="mt-4 flex flex-wrap items-center gap-3">
        <Link to={`${base}/passend`} className="btn-primary px-6 py-3 text-lg">
          Zoek passende plaatsen
        </Link>
        <Link to={`${base}/bewerken`} className="btn-secondary">
          Bewerken
        </Link>
        <Link to={`${base}/voorstellen`}>Voorstellen van deze cliënt</Link>
        <Link to={`${base}/traject`}>TWE-traject</Link>
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
      <Closing closedAt={client.closedAt} months={retentionMonths} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.client.displayName ?? 'Cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
