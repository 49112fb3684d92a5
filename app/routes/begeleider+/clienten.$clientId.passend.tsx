import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { requireClient } from '#app/features/clients/client-editor.server'
import { findMatches, MATCH_LIMIT, type MatchOutcome } from '#app/features/matching/client-match.server'
import { ClientMatchResults } from '#app/features/matching/match-results'
import { ErrorPage } from '#app/components/error-page'
import { MatchMap } from '#app/features/matching/match-map'
import { clientDutchLevelLabels } from '#domain/client-form'
import { formatHours } from '#domain/placement-form'
import { countText } from '#domain/result-count'
import { instrumentLabels } from '#domain/placement-values'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'match')
  const { id, displayName, jobTargets, postcode, municipality, maxDistanceKm, dutchLevel, hoursAvailable, instruments } = client
  return json({
    client: { id, displayName, jobTargets, home: [postcode, municipality].filter(Boolean).join(' '), maxDistanceKm, dutchLevel, hoursAvailable, instruments },
    outcome: await findMatches(client),
  })
}

export default function MatchingPlacementsPage() {
  const { client, outcome } = useLoaderData<typeof loader>()
  const base = `/begeleider/clienten/${client.id}`
  return (
    <>
      <p>
        <Link to={base}>← Terug naar {client.displayName}</Link>
      </p>
      <h1 className="mt-2">Passende plaatsen voor {client.displayName}</h1>
      <section aria-labelledby="criteria-title" className="mt-4 max-w-3xl rounded-md border border-slate-300 bg-slate-50 px-4 py-3">
        <h2 id="criteria-title" className="text-lg">
          Gezocht met het profiel
        </h2>
        <ul className="mt-1 list-disc pl-6">
          <li>Jobdoelwitten: {client.jobTargets.map((t) => t.label).join(', ')} (en verwante beroepen)</li>
          <li>
            Hoogstens {client.maxDistanceKm} km van {client.home}
          </li>
          <li>Nederlands: niet meer dan {clientDutchLevelLabels[client.dutchLevel].label}</li>
          <li>Hoogstens {formatHours(client.hoursAvailable)} uur per week</li>
          <li>
            Maatregelen:{' '}
            {client.instruments.length === 0 ? 'alle' : `minstens één van ${client.instruments.map((i) => instrumentLabels[i].label).join(', ')}`}
          </li>
        </ul>
        <p className="mt-2">
          <Link to={`${base}/bewerken`}>Profiel aanpassen</Link>
        </p>
      </section>
      <Outcome outcome={outcome} clientId={client.id} base={base} />
    </>
  )
}

function Outcome({ outcome, clientId, base }: { outcome: MatchOutcome; clientId: string; base: string }) {
  if (outcome.kind === 'unavailable') {
    return (
      <section aria-labelledby="unavailable-title" className="mt-8 max-w-3xl rounded-md border border-amber-700 bg-amber-50 px-4 py-3">
        <h2 id="unavailable-title">Zoeken is tijdelijk niet beschikbaar</h2>
        <p className="mt-2">Er ging niets verloren: het profiel van de cliënt is bewaard. Probeer het binnen enkele minuten opnieuw.</p>
        <p className="mt-3">
          <Link to={`${base}/passend`} className="btn-primary">
            Opnieuw proberen
          </Link>
        </p>
      </section>
    )
  }
  if (outcome.kind === 'no-distance' || outcome.kind === 'invalid') {
    const text =
      outcome.kind === 'no-distance'
        ? 'De maximale afstand van deze cliënt is 0 km, dus er ligt geen enkele plaats binnen bereik.'
        : `Met dit profiel kunnen we niet zoeken: ${outcome.message}`
    return (
      <p className="mt-8 max-w-3xl">
        {text} <Link to={`${base}/bewerken`}>Pas het profiel aan</Link> en zoek opnieuw.
      </p>
    )
  }
  return (
    <section aria-labelledby="results-title" className="mt-8 max-w-3xl">
      <h2 id="results-title">{countText(outcome.total, 'passende plaats', 'passende plaatsen')}</h2>
      {outcome.total === 0 ? (
        <p className="mt-2">Geen enkele plaats past nu. Probeer een grotere afstand, meer uren of een ander jobdoelwit.</p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            {outcome.total > outcome.items.length ? `De ${MATCH_LIMIT} best passende, ` : 'Best passende '}eerst: hetzelfde beroep, dan een
            verwant beroep, dan de dichtste.
          </p>
          <MatchMap map={outcome.map} items={outcome.items} />
          <ClientMatchResults clientId={clientId} items={outcome.items} />
        </>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Passende plaatsen voor ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
