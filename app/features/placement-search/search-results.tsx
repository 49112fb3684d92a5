import { Link } from '@remix-run/react'
import type { PlacementCard } from '#db/queries/saved-searches'
import type { Reason, SearchResult } from '#search/port'
import { Pagination } from '#app/components/pagination'
import { workHoursText } from '#domain/job-posting'
import { countText } from '#domain/result-count'
import { dutchLevelLabels, employerTypeLabels } from '#domain/placement-values'

export type SearchHitView = { id: string; title: string; distanceKm: number | null; reasons: Reason[]; card: PlacementCard | null }
export type SearchOutcome = { total: number; page: number; pageCount: number; understanding: SearchResult['understanding']; hits: SearchHitView[] }

const km = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })

/** Why a placement is in the result, in plain Dutch. */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'same_occupation':
      return reason.sector
        ? `${reason.sector.term}: ${reason.sector.occupations.join(', ')}, … (zelfde beroep: ${reason.label})`
        : `zelfde beroep (${reason.label})`
    case 'related_occupation':
      return `verwant beroep (${reason.label}, verwant aan ${reason.relatedTo.label})`
    case 'words':
      return `woorden: ${reason.words.join(', ')}`
    case 'distance':
      return `op ${km.format(reason.km)} km`
  }
}

/** The number of results, announced to screen readers whenever it changes (search as you type). */
export function ResultCount({ outcome, invalid }: { outcome: SearchOutcome | null; invalid: boolean }) {
  const text = outcome
    ? `${countText(outcome.total, 'plaats', 'plaatsen')} gevonden${outcome.pageCount > 1 ? `, pagina ${outcome.page} van ${outcome.pageCount}` : ''}.`
    : invalid
      ? 'Pas de zoekopdracht aan: er staat een fout in.'
      : ''
  return (
    <p role="status" className="mt-2 font-semibold">
      {text}
    </p>
  )
}

/** How the engine read the text: the occupations it found and, after a typing error, what it searched for. */
export function Understanding({
  understanding,
  correctedHref,
}: {
  understanding: SearchOutcome['understanding']
  correctedHref: (q: string) => string
}) {
  if (!understanding) return null
  const labels = [...new Set(understanding.occupations.map((o) => o.label))].slice(0, 3)
  return (
    <div className="mt-2">
      {labels.length > 0 ? <p>Gezocht op beroep: {labels.join(', ')}</p> : null}
      {understanding.corrected ? (
        <p>
          Bedoelde je <Link to={correctedHref(understanding.corrected)}>{understanding.corrected}</Link>?
        </p>
      ) : null}
    </div>
  )
}

function HitCard({ hit }: { hit: SearchHitView }) {
  const { card } = hit
  const where = [
    card?.employerType ? employerTypeLabels[card.employerType].label : null,
    card?.municipality,
    hit.distanceKm === null ? null : `${km.format(hit.distanceKm)} km`,
  ]
  return (
    <li className="card">
      <h3 className="text-lg font-semibold">
        <Link to={`/plaatsen/${hit.id}`}>{hit.title}</Link>
      </h3>
      <p className="mt-1">{where.filter(Boolean).join(' · ')}</p>
      {card ? (
        <p className="mt-1 text-sm text-slate-700">
          {workHoursText(card.hoursPerWeek, card.schedule)} · Nederlands: {dutchLevelLabels[card.dutchLevel].label}
        </p>
      ) : null}
      <p className="mt-1 text-sm">Waarom: {hit.reasons.map(reasonText).join(' · ') || 'past bij de filters'}</p>
    </li>
  )
}

export function SearchResults({ outcome, href }: { outcome: SearchOutcome; href: (page: number) => string }) {
  if (outcome.hits.length === 0) return <p className="mt-4">Geen plaatsen gevonden. Zoek met minder filters of een ander woord.</p>
  return (
    <>
      <ol className="mt-4 grid gap-4">
        {outcome.hits.map((hit) => (
          <HitCard key={hit.id} hit={hit} />
        ))}
      </ol>
      <Pagination page={outcome.page} pageCount={outcome.pageCount} href={href} />
    </>
  )
}

/** The engine is down: say so plainly and offer to try again, the page itself keeps working. */
export function SearchUnavailable({ retryHref }: { retryHref: string }) {
  return (
    <div role="alert" className="mt-4 rounded-md border border-amber-700 bg-amber-50 px-4 py-3">
      <p className="font-semibold">Zoeken is tijdelijk niet beschikbaar.</p>
      <p className="mt-1">
        Probeer het over enkele ogenblikken opnieuw: <Link to={retryHref}>opnieuw zoeken</Link>.
      </p>
    </div>
  )
}
