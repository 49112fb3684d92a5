import type { ReactNode } from 'react'
import { clientDutchLevelLabels } from '#domain/client-form'
import type { SharedSnapshot } from '#domain/proposal-form'

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="border-b border-slate-200 py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="mt-1 sm:col-span-2 sm:mt-0">{children ?? <span className="text-slate-700">Niet gedeeld</span>}</dd>
    </div>
  )
}

/** Everything the employer learns about a candidate: what the client agreed to share, "Niet gedeeld" elsewhere. */
export function ProposalSnapshot({ snapshot }: { snapshot: SharedSnapshot }) {
  const { sharedFirstName, sharedCompetences, sharedDutchLevel, sharedAvailability } = snapshot
  return (
    <dl className="mt-2 max-w-3xl">
      <Row term="Voornaam">{sharedFirstName}</Row>
      <Row term="Competenties">
        {sharedCompetences.length > 0 ? (
          <ul className="list-disc pl-6">
            {sharedCompetences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        ) : null}
      </Row>
      <Row term="Nederlands">{sharedDutchLevel ? clientDutchLevelLabels[sharedDutchLevel].label : null}</Row>
      <Row term="Beschikbaarheid">{sharedAvailability}</Row>
    </dl>
  )
}
