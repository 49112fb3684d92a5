import { Link } from '@remix-run/react'
import type { IntakePageData } from './triage-page.server'
import { intakeStatusLabels } from '#domain/triage-labels'
import { formatDateTime } from '#app/utils/dates'
import { TriageButton } from './triage-form'
import { residentName } from './intake-summary'

const matchText = (d: { samePhone: boolean; sameEmail: boolean; sameName: boolean }) =>
  [d.samePhone && 'zelfde telefoonnummer', d.sameEmail && 'zelfde e-mailadres', d.sameName && 'zelfde naam, geboortejaar en gemeente']
    .filter(Boolean)
    .join(', ')

/** Open intakes that look like the same person; merging keeps the older one and closes the other as a duplicate. */
export function TriageDuplicates({ duplicates }: { duplicates: IntakePageData<'full'>['duplicates'] }) {
  if (duplicates.length === 0) return null
  return (
    <section aria-labelledby="duplicates-title" className="card mt-8 max-w-3xl border-amber-700">
      <h2 id="duplicates-title">Mogelijk dubbele aanmelding</h2>
      <p className="mt-1">
        Samenvoegen houdt de oudste aanmelding. Notities en geschiedenis van de andere gaan mee; de andere wordt afgesloten als dubbele aanmelding.
      </p>
      <ul className="mt-3 space-y-3">
        {duplicates.map((d) => (
          <li key={d.id}>
            <Link to={`/triage/${d.id}`}>
              {residentName(d)} ({d.reference})
            </Link>
            : {intakeStatusLabels[d.status]}, aangemeld op {formatDateTime(d.createdAt)}. Gelijk: {matchText(d)}.
            {d.mergeable ? (
              <div className="mt-2">
                <TriageButton intent="merge" hidden={{ otherId: d.id }}>
                  Samenvoegen met {d.reference}
                </TriageButton>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
