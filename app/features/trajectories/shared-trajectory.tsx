import type { ReactNode } from 'react'
import type { TrajectoryExport } from '#db/queries/trajectory-export'
import { formatDate } from '#domain/compensation-labels'
import {
  endOutcomeLabels,
  evaluationKindLabels,
  evaluationScaleLabels,
  type SuspensionReason,
  suspensionReasonLabels,
  trainingOutcomeLabels,
  trainingRefusalReasonLabels,
  trajectoryKindLabels,
  trajectoryStatusLabels,
} from '#domain/trajectory-values'
import { FinalReport } from './final-report'

/**
 * A shared trajectory, read-only: exactly what the export holds (db/queries/trajectory-export.ts), so a VDAB reader
 * sees on the page what they may download, and never a confidential note or an edit link.
 */
export function SharedTrajectory({ data: t }: { data: TrajectoryExport }) {
  const pop = t.popVersions.at(-1)
  return (
    <>
      <dl className="card mt-4 max-w-3xl">
        <Row term="Eigenaar">{t.organisation.name}</Row>
        <Row term="Soort">{trajectoryKindLabels[t.kind]}</Row>
        <Row term="Status">{trajectoryStatusLabels[t.status]}</Row>
        <Row term="Start">{formatDate(t.startOn)}</Row>
        <Row term="Waarom TWE">{t.entryReason}</Row>
        {t.outflow ? <Row term="Uitstroom na 3 maanden">{endOutcomeLabels[t.outflow.status]}</Row> : null}
      </dl>
      <Section id="shared-phases" title="Werkplekken" empty="Nog geen werkplek." items={t.phases}>
        {(p) => `${p.workplace.type === 'placement' ? `${p.workplace.title} bij ${p.workplace.employer}` : p.workplace.description} — vanaf ${formatDate(p.startOn)}${p.endedOn ? ` tot ${formatDate(p.endedOn)}` : ''}`}
      </Section>
      <section aria-labelledby="shared-pop" className="mt-6 max-w-3xl">
        <h2 id="shared-pop">Persoonlijk ontwikkelingsplan (POP)</h2>
        {pop ? (
          <div className="mt-2">
            <p className="text-sm text-slate-700">
              Versie {pop.version} van {formatDate(pop.createdAt.slice(0, 10))} ({t.popVersions.length} versies in de download)
            </p>
            <p className="mt-1">Competenties: {pop.competences.join(', ')}</p>
            <h3 className="mt-2 font-semibold">Acties</h3>
            <p className="whitespace-pre-line">{pop.actions}</p>
            <h3 className="mt-2 font-semibold">Afspraken</h3>
            <p className="whitespace-pre-line">{pop.agreements}</p>
          </div>
        ) : (
          <p className="mt-2">Nog geen POP.</p>
        )}
      </section>
      <Section id="shared-suspensions" title="Schorsingen" empty="Geen schorsingen." items={t.suspensions}>
        {(s) => `${s.toOn ? `Van ${formatDate(s.fromOn)} tot ${formatDate(s.toOn)}` : `Sinds ${formatDate(s.fromOn)}`}: ${suspensionReasonLabels[s.reason as SuspensionReason]}`}
      </Section>
      <Section id="shared-evaluations" title="Evaluaties" empty="Nog geen evaluaties." items={t.evaluations}>
        {(e) => `${formatDate(e.heldOn)}, ${evaluationKindLabels[e.kind].toLowerCase()}: ${e.goals.map((g) => `${g.goal} ${evaluationScaleLabels[g.score].toLowerCase()}`).join('; ')}. ${e.summary}`}
      </Section>
      <Section id="shared-work-floor" title="Evaluaties op de werkvloer" empty="Nog geen ingevulde evaluaties." items={t.workFloorEvaluations}>
        {(w) => `Fase ${w.phase}, ${w.employer}: ${w.answers.map((g) => `${g.goal} ${evaluationScaleLabels[g.score].toLowerCase()}`).join('; ')}${w.comment ? `. ${w.comment}` : ''}`}
      </Section>
      <Section id="shared-trainings" title="Opleidingen" empty="Geen opleidingsaanvragen." items={t.trainings}>
        {(r) => `${r.course} bij ${r.provider} (aangevraagd ${formatDate(r.requestedOn)}): ${trainingOutcomeLabels[r.outcome].toLowerCase()}${r.refusalReason ? `, ${trainingRefusalReasonLabels[r.refusalReason].toLowerCase()}` : ''}`}
      </Section>
      {t.finalReport && t.endedOn && (t.status === 'stopped' || t.status === 'ended') ? (
        <FinalReport status={t.status} endedOn={t.endedOn} stopReason={t.stopReason} report={t.finalReport} />
      ) : null}
      <Section id="shared-notes" title="Notities" empty="Geen gedeelde notities." items={t.notes}>
        {(n) => `${formatDate(n.createdAt.slice(0, 10))}: ${n.body}`}
      </Section>
    </>
  )
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="font-semibold">{term}</dt>
      <dd className="sm:col-span-2 whitespace-pre-line">{children}</dd>
    </div>
  )
}

/** A titled list of one kind of record, one line each, or a sentence when there are none. */
function Section<T>({ id, title, empty, items, children }: { id: string; title: string; empty: string; items: T[]; children: (item: T) => string }) {
  return (
    <section aria-labelledby={id} className="mt-6 max-w-3xl">
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <ul className="mt-2 list-disc pl-6">
          {items.map((item, index) => (
            <li key={index} className="whitespace-pre-line">
              {children(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
