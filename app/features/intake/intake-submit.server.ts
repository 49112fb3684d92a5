import { digest } from '#core/crypto.server'
import { db } from '#app/utils/db.server'
import { INTAKE_LIMIT, overLimit } from '#app/utils/rate-limit.server'
import { audit } from '#db/queries/audit'
import { findIntakeBySubmissionKey, insertIntake, intakeRouting, type NewIntake } from '#db/queries/intake'
import { getTriageSettings } from '#db/queries/triage-settings'
import { sendEmail } from '#emails/send.server'
import type { IntakeDraft } from './intake-draft.server'
import { intakeReceivedMail } from './intake-mail.server'
import { generateReference } from '#domain/intake-reference'
import { type CompleteAnswers, firstMissingStep, type IntakeStep, isComplete } from './intake-steps'
import { addWorkingDays, brusselsDate } from '#domain/intake-working-days'
import { suggestDestination } from '#domain/triage-rules'

export type SubmitOutcome = { kind: 'created' } | { kind: 'duplicate' } | { kind: 'rate-limited' } | { kind: 'incomplete'; step: IntakeStep }

export type SubmitInput = { draft: IntakeDraft; clientIp: string; assistedByUserId: string | null; baseUrl: string }

/**
 * The one moment an intake reaches the database: the whole draft at once, in one transaction, before the
 * confirmation page is shown. The submission key makes it idempotent: a double click or a resubmitted page
 * finds the intake the first request made.
 */
export async function submitIntake({ draft, clientIp, assistedByUserId, baseUrl }: SubmitInput): Promise<SubmitOutcome> {
  if (await findIntakeBySubmissionKey(db(), draft.submissionKey)) return { kind: 'duplicate' }
  const { answers } = draft
  if (!isComplete(answers)) return { kind: 'incomplete', step: firstMissingStep(answers)! }
  const routing = answers.woonplaats.municipalityNis ? await intakeRouting(db(), answers.woonplaats.municipalityNis) : undefined
  if (!routing) return { kind: 'incomplete', step: 'woonplaats' }
  // An outreach worker at a community centre registers many people from one address: they are known, not bots.
  if (!assistedByUserId && (await overLimit(INTAKE_LIMIT, clientIp))) return { kind: 'rate-limited' }
  const settings = await getTriageSettings(db(), routing.municipality.regionCode)
  const suggestion = suggestDestination(
    {
      birthYear: answers.geboortejaar.birthYear,
      wantsWork: answers.werk.wantsWork,
      barriers: answers.drempels.barriers,
      inEducation: answers.situatie.inEducation === 'yes',
    },
    settings,
  )
  const submittedOn = brusselsDate()
  // Without consent to share, one organisation only: the municipality's OCMW (the VDAB team where no OCMW is
  // known). Both queues seeing it is exactly the sharing the resident did not agree to.
  const shared = answers.toestemming.consentSharing
  const ocmwId = routing.ocmw?.id ?? null
  // The organisation that gets the file first may promise a faster (or allow a slower) first contact than its region.
  const firstContactDays = (routing.ocmw ?? routing.vdab)?.firstContactDays ?? settings.firstContactWorkingDays
  const values: Omit<NewIntake, 'reference'> = {
    ...intakeColumns(answers),
    statusTokenHash: digest(draft.statusToken),
    submissionKey: draft.submissionKey,
    channelId: draft.channelId,
    assistedByUserId,
    language: draft.language,
    suggestedDestination: suggestion.destination,
    suggestionReasons: suggestion.reasons,
    ocmwOrganisationId: ocmwId,
    vdabOrganisationId: shared || !ocmwId ? (routing.vdab?.id ?? null) : null,
    firstContactDueOn: addWorkingDays(submittedOn, firstContactDays),
  }
  // A new reference when the drawn one exists already (rare); a row with our key means another request won.
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await db().transaction(async (tx) => {
      const id = await insertIntake(tx, { ...values, reference: generateReference() })
      if (!id) return false
      await audit(tx, {
        actorUserId: assistedByUserId,
        organisationId: values.ocmwOrganisationId ?? values.vdabOrganisationId,
        action: 'intake.submitted',
        subjectType: 'intake',
        subjectId: id,
        details: { channelId: draft.channelId, assisted: assistedByUserId !== null, suggestedDestination: suggestion.destination },
      })
      if (values.email) await sendEmail(tx, { to: values.email, ...(await intakeReceivedMail(tx, draft, baseUrl)) })
      return true
    })
    if (created) return { kind: 'created' }
    if (await findIntakeBySubmissionKey(db(), draft.submissionKey)) return { kind: 'duplicate' }
  }
  throw new Error('No free reference code after 5 attempts')
}

/** The answers as columns: the form's choices become the table's values. */
function intakeColumns(answers: CompleteAnswers) {
  const { contact, voorkeur, werk } = answers
  return {
    firstName: answers.naam.firstName,
    lastName: answers.naam.lastName ?? null,
    contactMethod: contact.contactMethod,
    phone: contact.phone ?? null,
    email: contact.email ?? null,
    postcode: answers.woonplaats.postcode,
    municipalityNis: answers.woonplaats.municipalityNis!,
    birthYear: answers.geboortejaar.birthYear,
    situation: answers.situatie.situation,
    inEducation: answers.situatie.inEducation === 'yes',
    wantsWork: werk.wantsWork,
    wantsTraining: werk.wantsTraining === 'unknown' ? null : werk.wantsTraining === 'yes',
    barriers: answers.drempels.barriers,
    barrierOther: answers.drempels.barrierOther ?? null,
    dutchSelfAssessment: answers.nederlands.dutchSelfAssessment,
    // A language of the form by its code; another language as the person wrote it.
    contactLanguage: voorkeur.contactLanguage === 'other' ? (voorkeur.contactLanguageOther ?? null) : voorkeur.contactLanguage,
    contactMoments: voorkeur.contactMoments,
    consentProcessing: answers.toestemming.consentProcessing,
    consentSharing: answers.toestemming.consentSharing,
  }
}
