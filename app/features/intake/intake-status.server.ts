import { digest } from '#core/crypto.server'
import { db } from '#app/utils/db.server'
import { findIntakeByStatusToken, type ResidentView } from '#db/queries/intake-status'
import { formatIntakeDate, type IntakeLanguage } from '#domain/intake-languages'
import { contactWayText, nextStepsText, type Translate, whoWillContact } from './intake-texts'
import { brusselsDate } from '#domain/intake-working-days'

/** A status token as newSecret() makes them: 32 random bytes, base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** The intake of a status link, or a 404 (shown as a friendly page in the person's language). */
export async function requireResidentIntake(token: string | undefined): Promise<ResidentView> {
  const intake = token && TOKEN.test(token) ? await findIntakeByStatusToken(db(), digest(token)) : undefined
  if (!intake) throw new Response('Not found', { status: 404 })
  return intake
}

/**
 * Whom the resident asks about their data: the data protection officer of the organisation that handles the file
 * (the handling organisation, else the OCMW, else the VDAB team). Undefined when that one has no DPO address: the
 * page then keeps the general sentence. Nothing else about the organisation is shown.
 */
function dataProtectionOfficer(intake: ResidentView) {
  const [organisation, email] = intake.handlingName
    ? [intake.handlingName, intake.handlingDpoEmail]
    : intake.ocmwName
      ? [intake.ocmwName, intake.ocmwDpoEmail]
      : [intake.vdabName, intake.vdabDpoEmail]
  return organisation && email ? { organisation, email } : undefined
}

/** The sentences of the status page, made on the server so dates read the same in every browser. */
export function statusTexts(t: Translate, intake: ResidentView, language: IntakeLanguage) {
  const date = (value: Date | null) => (value ? formatIntakeDate(value, language) : null)
  const dpo = dataProtectionOfficer(intake)
  const who = intake.handlingName ? t('status.handledBy', { organisation: intake.handlingName }) : t('status.lookingAtIt', { who: whoWillContact(t, intake) })
  return {
    status: t(`values.status.${intake.status}`),
    explanation: t(`status.explain.${intake.status}`),
    closeReason: intake.closeReason ? t(`values.closeReason.${intake.closeReason}`) : null,
    who,
    submittedOn: date(intake.createdAt),
    next: intake.status === 'new' ? nextStepsText(t, intake, { submittedOn: brusselsDate(new Date(intake.createdAt)), dueOn: intake.firstContactDueOn }, language) : null,
    contactWay: contactWayText(t, intake),
    consentWithdrawnOn: date(intake.consentWithdrawnAt),
    erasureRequestedOn: date(intake.erasureRequestedAt),
    privacyContact: dpo ? t('status.dpoText', { organisation: dpo.organisation }) : t('privacy.contactText'),
    dpoEmail: dpo?.email ?? null,
  }
}
