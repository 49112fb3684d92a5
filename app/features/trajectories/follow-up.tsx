import { Link } from '@remix-run/react'
import { formatDate } from '#domain/compensation-labels'
import { type EndOutcome, endOutcomeLabels } from '#domain/trajectory-values'

/** What the server's trajectoryFollowUp (follow-up.server.ts) sends, after JSON. */
export type FollowUpView = {
  begeleiders: { id: string; from: string | null; to: string | null; note: string; createdAt: string }[]
  decision: { lastActivityOn: string } | null
  outflow: { state: 'not-yet' | 'due' | 'recorded'; dueOn: string; status: EndOutcome | null; recordedOn: string | null } | null
}

/**
 * What the trajectory asks of the begeleider now, above everything else on the overview: a decision after 3 months
 * without activity, or the outflow status from 3 months after the end. Worded, with the page that answers it.
 */
export function FollowUpPrompts({ followUp, base }: { followUp: FollowUpView; base: string }) {
  const { decision, outflow } = followUp
  return (
    <>
      {decision ? (
        <section aria-labelledby="decision-title" className="card mt-6 max-w-3xl border-l-4 border-red-800">
          <h2 id="decision-title">Beslis: schorsen of stopzetten</h2>
          <p className="mt-2">
            Sinds {formatDate(decision.lastActivityOn)} is er in dit traject niets meer gebeurd: meer dan 3 maanden. Beslis of je het traject schorst of
            stopzet, en noteer waarom.
          </p>
          <ul className="mt-2 space-y-1">
            <li>
              <Link to={`${base}/schorsing`}>Traject schorsen</Link>
            </li>
            <li>
              <Link to={`${base}/afsluiten`}>Traject stopzetten, met eindverslag</Link>
            </li>
          </ul>
        </section>
      ) : null}
      {outflow?.state === 'due' ? (
        <section aria-labelledby="outflow-title" className="card mt-6 max-w-3xl border-l-4 border-red-800">
          <h2 id="outflow-title">Uitstroom na 3 maanden</h2>
          <p className="mt-2">Het traject is 3 maanden voorbij (sinds {formatDate(outflow.dueOn)}). Waar staat de persoon nu?</p>
          <p className="mt-2">
            <Link to={`${base}/uitstroom`}>Uitstroom invullen</Link>
          </p>
        </section>
      ) : null}
      {outflow?.state === 'recorded' && outflow.status && outflow.recordedOn ? (
        <p className="mt-6 max-w-3xl">
          Uitstroom na 3 maanden: {endOutcomeLabels[outflow.status]} (ingevuld op {formatDate(outflow.recordedOn)}).
        </p>
      ) : null}
    </>
  )
}

/** Who guided the trajectory, with each warm-hand-over note; on an open trajectory, the way to hand it over. */
export function BegeleiderHistory({ followUp, base, open }: { followUp: FollowUpView; base: string; open: boolean }) {
  if (followUp.begeleiders.length === 0 && !open) return null
  return (
    <section aria-labelledby="begeleiders-title" className="mt-6 max-w-3xl">
      <h2 id="begeleiders-title">Trajectbegeleiders</h2>
      {followUp.begeleiders.length === 0 ? <p className="mt-2">Nog geen overdracht: de begeleider die het traject startte, begeleidt het nog.</p> : null}
      <ol className="mt-2 space-y-3">
        {followUp.begeleiders.map((change) => (
          <li key={change.id}>
            <p>
              {formatDate(change.createdAt.slice(0, 10))}: van {change.from ?? 'een afgesloten account'} naar {change.to ?? 'een afgesloten account'}
            </p>
            <p className="whitespace-pre-line text-slate-700">Overdrachtsnota: {change.note}</p>
          </li>
        ))}
      </ol>
      {open ? (
        <p className="mt-3">
          <Link to={`${base}/begeleider`}>Traject overdragen aan een collega</Link>
        </p>
      ) : null}
    </section>
  )
}
