import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatDate } from '#domain/compensation-labels'
import { type SuspensionReason, suspensionReasonLabels, trajectoryKindLabels, trajectoryStatusLabels } from '#domain/trajectory-values'
import type { Deadline } from './deadlines'
import { FinalReport, type FinalReportView } from './final-report'
import { type EvaluationView, EvaluationsSection, type WorkFloorView } from './evaluations-section'
import { TrainingSection, type TrainingView } from './training-section'
import { ProfileLink } from './profile-link'
import { BegeleiderHistory, FollowUpPrompts, type FollowUpView } from './follow-up'

type Phase = { id: string; position: number; goals: string[]; placementTitle: string | null; employer: string | null; externalWorkplace: string | null; startOn: string; plannedEndOn: string | null }
type Pop = { id: string; version: number; competences: string[]; actions: string; agreements: string; changeNote: string | null; createdAt: string }

export type TrajectoryView = {
  kind: 'twe_art60' | 'twe_wz'
  status: 'active' | 'suspended' | 'stopped' | 'ended'
  entryReason: string
  begeleider: string | null
  startOn: string
  criteriaAssessedOn: string | null
  endedOn: string | null
  stopReason: FinalReportView['stopReason']
  finalReport: FinalReportView['report'] | null
  phases: Phase[]
  suspensions: { id: string; fromOn: string; toOn: string | null; reason: string }[]
  pops: Pop[]
  evaluations: EvaluationView[]
  workFloor: WorkFloorView[]
  deadlines: Deadline[]
  trainings: TrainingView[]
  followUp: FollowUpView
}

const toneText = { ok: '', warning: 'Let op: ', over: 'Over de grens: ' } as const

/** The trajectory at a glance: what it is, what is coming (with a word, not only a colour), the phases and the POP. */
export function TrajectoryOverview({ trajectory: t, base }: { trajectory: TrajectoryView; base: string }) {
  const open = t.status === 'active' || t.status === 'suspended'
  const [pop] = t.pops
  return (
    <>
      <dl className="card mt-4 max-w-3xl">
        <Row term="Soort">{trajectoryKindLabels[t.kind]}</Row>
        <Row term="Status">{trajectoryStatusLabels[t.status]}</Row>
        <Row term="Trajectbegeleider">{t.begeleider ?? 'Niemand (account afgesloten)'}</Row>
        <Row term="Start">{formatDate(t.startOn)}</Row>
        {t.criteriaAssessedOn ? <Row term="Instapcriteria beoordeeld">{formatDate(t.criteriaAssessedOn)}</Row> : null}
        <Row term="Waarom TWE">{t.entryReason}</Row>
      </dl>
      <section aria-labelledby="deadlines-title" className="mt-6 max-w-3xl">
        <h2 id="deadlines-title">Termijnen</h2>
        <ul className="mt-2 space-y-1">
          {t.deadlines.map((d) => (
            <li key={d.label} className={d.tone === 'ok' ? '' : 'font-semibold text-red-800'}>
              {d.label}: {toneText[d.tone]}
              {d.value}
            </li>
          ))}
        </ul>
      </section>
      <FollowUpPrompts followUp={t.followUp} base={base} />
      <section aria-labelledby="phases-title" className="mt-6 max-w-3xl">
        <h2 id="phases-title">Werkplekken</h2>
        {t.phases.length === 0 ? (
          <p className="mt-2">Nog geen werkplek.</p>
        ) : (
          <ol className="mt-2 list-decimal pl-6">
            {t.phases.map((p) => (
              <li key={p.id}>
                {p.placementTitle ? `${p.placementTitle} bij ${p.employer}` : p.externalWorkplace} — vanaf {formatDate(p.startOn)}
                {p.plannedEndOn ? `, gepland tot ${formatDate(p.plannedEndOn)}` : ''}
                {p.goals.length > 0 ? `. Doelen: ${p.goals.join(', ')}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
      <EvaluationsSection evaluations={t.evaluations} workFloor={t.workFloor} phaseNumber={(id) => t.phases.find((p) => p.id === id)?.position} />
      <section aria-labelledby="pop-title" className="mt-6 max-w-3xl">
        <h2 id="pop-title">Persoonlijk ontwikkelingsplan (POP)</h2>
        {pop ? <PopVersion pop={pop} /> : <p className="mt-2">Nog geen POP.</p>}
        {open ? (
          <p className="mt-3">
            <Link to={`${base}/pop`}>{pop ? `POP bijwerken (versie ${pop.version + 1})` : 'POP schrijven'}</Link>
          </p>
        ) : null}
        {t.pops.length > 1 ? <PopHistory pops={t.pops.slice(1)} /> : null}
      </section>
      {t.suspensions.length > 0 ? <Suspensions suspensions={t.suspensions} /> : null}
      <TrainingSection trainings={t.trainings} href={`${base}/opleidingen`} />
      {pop ? <ProfileLink href={`${base}/functieprofiel`} /> : null}
      <BegeleiderHistory followUp={t.followUp} base={base} open={open} />
      <ul className="mt-6 space-y-2">
        <li>
          <Link to={`${base}/notities`}>Notities (ook vertrouwelijke)</Link>
        </li>
        <li>
          <Link to={`${base}/delen`}>Delen met VDAB (toestemming van de cliënt)</Link>
        </li>
        <li>
          <a href={`${base}.json`} download>
            Download het traject als JSON (voor het VDAB-cliëntdossier)
          </a>
        </li>
      </ul>
      {open ? (
        <ul className="mt-6 space-y-2">
          {t.status === 'active' ? (
            <li>
              <Link to={`${base}/evaluatie`}>Evaluatie vastleggen, of de werkgever om de evaluatie op de werkvloer vragen</Link>
            </li>
          ) : null}
          <li>
            <Link to={`${base}/werkplek`}>Naar een andere werkplek, of de fase verlengen</Link>
          </li>
          <li>
            <Link to={`${base}/schorsing`}>{t.status === 'suspended' ? 'Begeleiding hervatten' : 'Traject schorsen'}</Link>
          </li>
          <li>
            <Link to={`${base}/afsluiten`}>Traject stopzetten of beëindigen, met eindverslag</Link>
          </li>
          <li>
            <Link to={`${base}/verhuis`}>Verhuis naar een andere gemeente</Link>
          </li>
        </ul>
      ) : null}
      {t.stopReason === 'moved' ? (
        <p className="mt-6">
          <Link to={`${base}/verhuis`}>Stopgezet na een verhuis: bekijk de overdrachten</Link>
        </p>
      ) : null}
      {!open && t.finalReport && t.endedOn && (t.status === 'stopped' || t.status === 'ended') ? (
        <FinalReport status={t.status} endedOn={t.endedOn} stopReason={t.stopReason} report={t.finalReport} />
      ) : null}
    </>
  )
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  )
}

function PopVersion({ pop }: { pop: Pop }) {
  return (
    <div className="mt-2">
      <p className="text-sm text-slate-700">
        Versie {pop.version} van {formatDate(pop.createdAt.slice(0, 10))}
      </p>
      {pop.changeNote ? <p className="mt-1">Waarom deze versie: {pop.changeNote}</p> : null}
      <h3 className="mt-2 font-semibold">Competenties</h3>
      <ul className="list-disc pl-6">
        {pop.competences.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h3 className="mt-2 font-semibold">Acties</h3>
      <p className="whitespace-pre-line">{pop.actions}</p>
      <h3 className="mt-2 font-semibold">Afspraken</h3>
      <p className="whitespace-pre-line">{pop.agreements}</p>
    </div>
  )
}

/** Earlier versions, newest first. */
function PopHistory({ pops }: { pops: Pop[] }) {
  return (
    <details className="mt-4">
      <summary>Eerdere versies ({pops.length})</summary>
      <ol className="mt-2 space-y-4">
        {pops.map((pop) => (
          <li key={pop.id}>
            <PopVersion pop={pop} />
          </li>
        ))}
      </ol>
    </details>
  )
}

function Suspensions({ suspensions }: { suspensions: TrajectoryView['suspensions'] }) {
  return (
    <section aria-labelledby="suspensions-title" className="mt-6 max-w-3xl">
      <h2 id="suspensions-title">Schorsingen</h2>
      <ul className="mt-2 list-disc pl-6">
        {suspensions.map((s) => (
          <li key={s.id}>
            {s.toOn ? `Van ${formatDate(s.fromOn)} tot ${formatDate(s.toOn)}` : `Sinds ${formatDate(s.fromOn)}`}: {suspensionReasonLabels[s.reason as SuspensionReason] ?? s.reason}
          </li>
        ))}
      </ul>
    </section>
  )
}
