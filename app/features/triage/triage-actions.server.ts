import { db } from '#db/client'
import { assignIntake, closeIntake, registerFirstContact } from '#db/queries/intake-changes'
import { mergeIntakes } from '#db/queries/intake-duplicates'
import { addNote } from '#db/queries/intake-notes'
import { referIntake } from '#db/queries/intake-referrals'
import { decideReferral } from './hand-over/hand-over.server'
import type { SessionUser } from '#domain/session-user'
import type { IntakeAction } from '#domain/triage-forms'
import { closeReasonLabels } from '#domain/triage-labels'
import { referralBlockTexts } from '#domain/triage-workflow'

/**
 * Carries out one action of the intake page in one transaction and says, in Dutch, what happened: a message for
 * the toast and where to go next, or why nothing happened (the page was stale, or the action is not allowed).
 */
export type ActionOutcome = { ok: true; message: string; redirectTo: string } | { ok: false; status: 404 | 409; error: string }

const stale = 'Dit kan niet (meer) bij deze aanmelding: de status is intussen veranderd, of een andere organisatie behandelt ze. Bekijk de aanmelding opnieuw.'

const failed = (status: 404 | 409, error: string): ActionOutcome => ({ ok: false, status, error })

export async function performIntakeAction(user: SessionUser, intakeId: string, action: IntakeAction): Promise<ActionOutcome> {
  const here = `/triage/${intakeId}`
  const done = (message: string, redirectTo = here): ActionOutcome => ({ ok: true, message, redirectTo })
  const simple = (outcome: { kind: string }, message: string) =>
    outcome.kind === 'done'
      ? done(message)
      : outcome.kind === 'not-found'
        ? failed(404, 'Deze aanmelding bestaat niet of je organisatie mag ze niet zien.')
        : failed(409, stale)
  return db().transaction(async (tx): Promise<ActionOutcome> => {
    switch (action.intent) {
      case 'claim':
        return simple(await assignIntake(tx, user, intakeId, user.id), `Je neemt deze aanmelding op. ${user.organisation.name} behandelt ze nu.`)
      case 'release':
        return simple(await assignIntake(tx, user, intakeId, null), 'Je hebt de aanmelding vrijgegeven.')
      case 'assign': {
        const outcome = await assignIntake(tx, user, intakeId, action.assigneeId)
        return outcome.kind === 'unknown-colleague'
          ? failed(409, 'Kies een triagemedewerker van je eigen organisatie.')
          : simple(outcome, 'De aanmelding is toegewezen.')
      }
      case 'contact':
        return simple(await registerFirstContact(tx, user, intakeId), 'Het eerste contact is geregistreerd. De aanmelding staat nu op "In contact".')
      case 'close':
        return simple(
          await closeIntake(tx, user, intakeId, action.closeReason),
          `De aanmelding is afgesloten: ${closeReasonLabels[action.closeReason].toLowerCase()}.`,
        )
      case 'note': {
        const outcome = await addNote(tx, user, intakeId, { body: action.body, confidential: action.confidential })
        if (outcome.kind === 'confidential-not-allowed') return failed(409, 'Alleen medewerkers van een OCMW kunnen een notitie vertrouwelijk maken.')
        const message = action.confidential ? `Je vertrouwelijke notitie is bewaard. Alleen ${user.organisation.name} ziet ze.` : 'Je notitie is bewaard.'
        return simple({ kind: outcome.kind === 'added' ? 'done' : outcome.kind }, message)
      }
      case 'refer': {
        const outcome = await referIntake(tx, user, intakeId, action.message || null)
        if (outcome.kind === 'blocked') return failed(409, referralBlockTexts[outcome.reason])
        if (outcome.kind === 'not-found') return simple(outcome, '')
        return done(`De aanmelding is doorverwezen naar ${outcome.to}. Zij aanvaarden of weigeren ze; je volgt de status hier.`)
      }
      case 'accept':
      case 'decline': {
        const decision = action.intent === 'accept' ? ({ decision: 'accept' } as const) : ({ decision: 'decline', reason: action.declineReason } as const)
        const outcome = await decideReferral(tx, user, intakeId, decision)
        if (outcome.kind === 'not-found') return simple(outcome, '')
        if (outcome.kind === 'not-pending') return failed(409, 'Deze doorverwijzing wacht niet (meer) op een antwoord van je organisatie.')
        if (outcome.kind === 'declined')
          return done('Je hebt de doorverwijzing geweigerd. De andere organisatie krijgt de aanmelding terug, met je reden.', '/triage')
        const resident = outcome.residentMailed
          ? 'De inwoner krijgt een e-mail.'
          : 'De inwoner gaf geen e-mailadres: laat hem of haar zelf weten dat jullie de aanmelding opvolgen.'
        return done(`Je hebt de doorverwijzing aanvaard. ${user.organisation.name} behandelt de aanmelding nu. ${resident}`)
      }
      case 'merge': {
        const outcome = await mergeIntakes(tx, user, intakeId, action.otherId)
        if (outcome.kind === 'merged') return done(`De aanmeldingen zijn samengevoegd in ${outcome.keptReference}.`, `/triage/${outcome.keptId}`)
        if (outcome.kind === 'not-duplicates') return failed(409, 'Deze aanmeldingen lijken niet (meer) op elkaar: je kan ze niet samenvoegen.')
        return simple(outcome, '')
      }
    }
  })
}
