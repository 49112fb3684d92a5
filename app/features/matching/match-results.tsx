import { Link } from '@remix-run/react'
import { formatDate } from '#domain/compensation-labels'
import { formatHours } from '#domain/placement-form'
import { dutchLevelLabels } from '#domain/placement-values'
import type { Reason } from '#search/port'
import type { MatchItem } from './client-match.server'

const km = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 })

/** Why a placement fits, in the words a caseworker uses. */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'same_occupation':
      return `zelfde beroep: ${reason.label}`
    case 'related_occupation':
      return `verwant beroep (zelfde ISCO-groep) als ${reason.relatedTo.label}: ${reason.label}`
    case 'words':
      return `woorden: ${reason.words.join(', ')}`
    case 'distance':
      return `op ${km.format(reason.km)} km`
  }
}

const levelLabel = (level: string) => dutchLevelLabels[level as keyof typeof dutchLevelLabels]?.label ?? level

/** The placements a client's match found, best first, each with its reasons and a way to propose the client. */
export function ClientMatchResults({ clientId, items }: { clientId: string; items: MatchItem[] }) {
  return (
    <ol className="mt-4 space-y-4">
      {items.map((item, i) => (
        <li key={item.id} className="rounded-md border border-slate-300 p-4">
          <article aria-labelledby={`match-${item.id}`}>
            <h3 id={`match-${item.id}`} className="flex items-center gap-2 text-lg">
              {/* The number on the map; the ordered list already tells screen readers the position. */}
              <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-blue-800 text-sm font-bold text-white">
                {i + 1}
              </span>
              <Link to={`/plaatsen/${item.id}`}>{item.title}</Link>
            </h3>
            <p className="text-slate-700">
              {item.employer}, {item.municipality}
            </p>
            <p className="mt-2 font-semibold">Waarom deze plaats past:</p>
            <ul className="list-disc pl-6" data-testid="match-reasons">
              {item.reasons.map((reason) => (
                <li key={reasonText(reason)}>{reasonText(reason)}</li>
              ))}
            </ul>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
              <dt className="font-semibold">Uren</dt>
              <dd>{formatHours(item.hoursPerWeek)} uur per week</dd>
              <dt className="font-semibold">Nederlands</dt>
              <dd>{levelLabel(item.dutchLevel)}</dd>
              <dt className="font-semibold">Open plaatsen</dt>
              <dd>
                {item.places}
                {item.fullUntil ? ` – nu volzet, tot ${formatDate(item.fullUntil)}` : ''}
              </dd>
            </dl>
            <p className="mt-3">
              <Link to={`/begeleider/clienten/${clientId}/voorstellen/nieuw?plaats=${item.id}`} className="btn-secondary">
                Voorstellen<span className="sr-only"> voor {item.title}</span>
              </Link>
            </p>
          </article>
        </li>
      ))}
    </ol>
  )
}
