import { digest, hashPassword, newSecret } from '#core/crypto.server'
import { CONFIRM_LINK_HOURS, registrationMessages, type RegistrationInput } from '#domain/employer-registration'
import { db, type Tx } from '#db/client'
import { audit } from '#db/queries/audit'
import {
  confirmEmailWithToken,
  insertEmailVerificationToken,
  isEmailTokenUsable,
  regionalAdminsForEmployer,
} from '#db/queries/employer-verification'
import { getOwnEmployer, insertEmployer, isEnterpriseNumberTaken, resolveSite } from '#db/queries/employers'
import { findUserByEmail } from '#db/queries/users'
import { sendEmail } from '#emails/send.server'

/**
 * Self-registration of an employer and the confirmation of its contact's e-mail address. Only after that
 * confirmation do the regional admins hear about the new employer, so they never review unconfirmed sign-ups.
 */
export type FieldErrors = Record<string, string[]>
export type RegistrationResult =
  | { ok: true; kind: 'created'; organisationId: string; userId: string }
  | { ok: true; kind: 'address-has-account' }
  | { ok: false; fieldErrors: FieldErrors }

/**
 * What the schema cannot know: KBO numbers already taken, postcodes outside Flanders. Not whether the address
 * has an account: the form would then tell anyone which addresses do (registerEmployer mails the owner instead).
 * A KBO number is public (the KBO itself lists every company), and the employer needs to hear it is taken.
 */
async function checkAgainstDatabase(tx: Tx, input: RegistrationInput) {
  const fieldErrors: FieldErrors = {}
  if (await isEnterpriseNumberTaken(tx, input.enterpriseNumber)) fieldErrors.enterpriseNumber = [registrationMessages.kboTaken]
  const sites = []
  for (const [index, site] of input.sites.entries()) {
    const place = await resolveSite(tx, site)
    if (place.ok) sites.push({ name: site.name, street: site.street, postcode: site.postcode, municipality: place.municipality })
    else fieldErrors[`sites[${index}].${place.field}`] = [place.message]
  }
  return { fieldErrors, sites }
}

// Two registrations of the same number or address at the same moment: the database's unique index decides.
const uniqueViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; constraint_name?: string } }).cause
  return cause?.code === '23505' ? cause.constraint_name : undefined
}

export async function registerEmployer(input: RegistrationInput, baseUrl: string): Promise<RegistrationResult> {
  const { fieldErrors, sites } = await checkAgainstDatabase(db(), input)
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors }
  const { password, passwordConfirm: _, ...details } = input
  // Hashed on both ways, so the time of the answer does not tell a new address from a known one either.
  const passwordHash = await hashPassword(password)
  if (await findUserByEmail(db(), input.contactEmail)) return mailOwnerOfAddress(input.contactEmail, baseUrl)
  try {
    return await db().transaction(async (tx) => {
      const ids = await insertEmployer(tx, { ...details, passwordHash, sites })
      await audit(tx, {
        actorUserId: ids.userId,
        organisationId: ids.organisationId,
        action: 'employer.registered',
        subjectType: 'organisation',
        subjectId: ids.organisationId,
        details: { enterpriseNumber: input.enterpriseNumber, sites: sites.length },
      })
      const user = { id: ids.userId, name: input.contactName, email: input.contactEmail }
      await sendConfirmationMail(tx, user, input.organisationName, baseUrl)
      return { ok: true as const, kind: 'created' as const, ...ids }
    })
  } catch (error) {
    const constraint = uniqueViolation(error)
    if (constraint === 'organisations_enterprise_number_unique') return { ok: false, fieldErrors: { enterpriseNumber: [registrationMessages.kboTaken] } }
    if (constraint === 'users_email_lower_idx') return mailOwnerOfAddress(input.contactEmail, baseUrl)
    throw error
  }
}

/** A registration with an address that has an account: nothing is made; its owner hears of it, with a way in. */
async function mailOwnerOfAddress(email: string, baseUrl: string): Promise<RegistrationResult> {
  await db().transaction(async (tx) => {
    const user = await findUserByEmail(tx, email)
    // A deactivated account cannot log in: like "forgot password", it gets no mail (and the same answer).
    if (!user || user.disabledAt) return
    await sendEmail(tx, {
      to: user.email,
      template: 'registration-attempt',
      props: { name: user.name, loginUrl: new URL('/inloggen', baseUrl).toString(), resetUrl: new URL('/wachtwoord-vergeten', baseUrl).toString() },
    })
    await audit(tx, { actorUserId: null, organisationId: user.organisationId, action: 'user.registration-attempted', subjectType: 'user', subjectId: user.id })
  })
  return { ok: true, kind: 'address-has-account' }
}

async function sendConfirmationMail(tx: Tx, user: { id: string; name: string; email: string }, organisationName: string, baseUrl: string) {
  const secret = newSecret()
  await insertEmailVerificationToken(tx, digest(secret), user.id, CONFIRM_LINK_HOURS)
  const confirmUrl = new URL(`/e-mail-bevestigen?token=${secret}`, baseUrl).toString()
  await sendEmail(tx, {
    to: user.email,
    template: 'verify-email',
    props: { name: user.name, organisationName, confirmUrl, validHours: CONFIRM_LINK_HOURS },
    secret,
  })
}

export const confirmationLinkIsUsable = async (token: string) => isEmailTokenUsable(db(), digest(token))

/** Uses the link once; tells the regional admins of the employer's regions that it now waits for them. */
export async function confirmEmail(token: string, baseUrl: string): Promise<boolean> {
  return db().transaction(async (tx) => {
    const user = await confirmEmailWithToken(tx, digest(token))
    if (!user) return false
    await audit(tx, { actorUserId: user.id, organisationId: user.organisationId, action: 'user.email-confirmed', subjectType: 'user', subjectId: user.id })
    const employer = await getOwnEmployer(tx, user.organisationId)
    if (employer?.profile.verificationStatus === 'pending') {
      const reviewUrl = new URL(`/admin/werkgevers/${user.organisationId}`, baseUrl).toString()
      const municipalities = [...new Set(employer.sites.map((site) => site.municipalityName))]
      for (const admin of await regionalAdminsForEmployer(tx, user.organisationId)) {
        await sendEmail(tx, {
          to: admin.email,
          template: 'employer-awaiting-verification',
          props: {
            adminName: admin.name,
            organisationName: employer.organisation.name,
            enterpriseNumber: employer.organisation.enterpriseNumber ?? '',
            municipalities,
            reviewUrl,
          },
        })
      }
    }
    return true
  })
}

/** A new link for an address that still waits for confirmation; says nothing either way (no enumeration). */
export async function resendConfirmation(email: string, baseUrl: string) {
  await db().transaction(async (tx) => {
    const user = await findUserByEmail(tx, email)
    if (!user || user.disabledAt || user.emailVerifiedAt) return
    const employer = await getOwnEmployer(tx, user.organisationId)
    await sendConfirmationMail(tx, user, employer?.organisation.name ?? 'uw organisatie', baseUrl)
    await audit(tx, { actorUserId: null, organisationId: user.organisationId, action: 'user.email-confirmation-resent', subjectType: 'user', subjectId: user.id })
  })
}
