import { formatDate } from '#domain/compensation-labels'
import { fundedGuidance, preContractPhase, wzEndOn } from '#domain/trajectory-dates'
import { nextEvaluationDue, outflowFollowUpOn } from '#domain/trajectory-deadlines'

export type Tone = 'ok' | 'warning' | 'over'
export type Deadline = { label: string; value: string; tone: Tone }

type TrajectoryDates = {
  kind: 'twe_art60' | 'twe_wz'
  status: 'active' | 'suspended' | 'stopped' | 'ended'
  startOn: string
  contractStartOn: string | null
  endedOn: string | null
  suspensions: { fromOn: string; toOn: string | null }[]
  phases: { plannedEndOn: string | null; endedOn: string | null }[]
  evaluations: { heldOn: string }[]
}

/**
 * What the begeleider must see coming, worded for the overview: the limits of the framework (domain/trajectory-dates.ts)
 * and the next evaluation (none while suspended) or, once closed, the outflow follow-up (domain/trajectory-deadlines.ts),
 * each with a tone.
 */
export function trajectoryDeadlines(t: TrajectoryDates, today: string): Deadline[] {
  const open = t.status === 'active' || t.status === 'suspended'
  const list: Deadline[] = []
  if (t.kind === 'twe_wz') {
    list.push({ label: 'Einde (24 maanden na de doorverwijzing, niet te verlengen)', value: formatDate(wzEndOn(t.startOn)), tone: 'ok' })
  } else {
    const pre = preContractPhase({ startOn: t.startOn, contractStartOn: t.contractStartOn ?? undefined, today })
    const contract = t.contractStartOn
      ? `Start ${formatDate(t.contractStartOn)}`
      : pre.state === 'over'
        ? `Nog geen: de fase voor de arbeidsovereenkomst liep af op ${formatDate(pre.limitOn)}`
        : `Nog geen: ten laatste op ${formatDate(pre.limitOn)}`
    list.push({ label: 'Arbeidsovereenkomst (artikel 60§7)', value: contract, tone: pre.state })
    const suspensions = t.suspensions.map((s) => ({ from: s.fromOn, to: s.toOn ?? undefined }))
    const funded = fundedGuidance({ startOn: t.startOn, suspensions, stoppedOn: t.endedOn ?? undefined, today })
    const limit = funded.limitReachedOn ? `, op tot ${formatDate(funded.limitReachedOn)}` : ''
    const tone: Tone = funded.limitReachedOn && funded.limitReachedOn <= today ? 'over' : 'ok'
    list.push({ label: 'Gefinancierde begeleiding (hoogstens 24 maanden, schorsingen niet meegeteld)', value: `${funded.monthsUsed.toLocaleString('nl-BE')} maanden gebruikt${limit}`, tone })
  }
  if (!open && t.endedOn) {
    list.push({ label: 'Opvolging van de uitstroom (3 maanden na het einde)', value: formatDate(outflowFollowUpOn(t.endedOn)), tone: 'ok' })
  }
  if (t.status === 'active') {
    const phases = t.phases.map((p) => ({ endOn: p.endedOn ?? p.plannedEndOn ?? undefined }))
    const due = nextEvaluationDue({ startOn: t.startOn, evaluations: t.evaluations.map((e) => ({ on: e.heldOn })), phases, today })
    list.push({ label: 'Volgende evaluatie', value: `${due.overdue ? 'Te laat: was ' : ''}${formatDate(due.dueOn)}`, tone: due.overdue ? 'over' : 'ok' })
  }
  return list
}
