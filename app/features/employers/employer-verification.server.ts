import { db } from '#db/client'
import { audit } from '#db/queries/audit'
import { decideEmployer, getEmployerForVerification } from '#db/queries/employer-verification'
import { publishSubmittedPlacements } from '#db/queries/placement-lifecycle'
import type { SessionUser } from '#domain/session-user'
import { sendEmail } from '#emails/send.server'

/**
 * A regional admin's decision on an employer in one of their regions. The decision, its audit entry, the
 * placements it publishes and the mail to the employer's contact commit together or not at all.
 * Both answer undefined when the employer is not in the admin's regions or the decision no longer applies.
 */
export async function approveEmployer(admin: SessionUser, organisationId: string, baseUrl: string) {
  return db().transaction(async (tx) => {
    const employer = await getEmployerForVerification(tx, organisationId, admin.regionCodes)
    if (!employer) return undefined
    const decided = await decideEmployer(tx, { organisationId, regionCodes: admin.regionCodes, actorUserId: admin.id, decision: 'verified' })
    if (!decided) return undefined
    const published = await publishSubmittedPlacements(tx, organisationId, admin.id)
    await audit(tx, {
      actorUserId: admin.id,
      organisationId,
      action: 'employer.verified',
      subjectType: 'organisation',
      subjectId: organisationId,
      details: { publishedPlacements: published.map((p) => p.id) },
    })
    await sendEmail(tx, {
      to: employer.contactEmail,
      template: 'employer-verified',
      props: {
        name: employer.contactName,
        organisationName: employer.name,
        publishedPlacements: published.map((p) => p.title),
        organisationUrl: new URL('/werkgever/organisatie', baseUrl).toString(),
      },
    })
    return { name: employer.name, published: published.length }
  })
}

export async function rejectEmployer(admin: SessionUser, organisationId: string, reason: string, baseUrl: string) {
  return db().transaction(async (tx) => {
    const employer = await getEmployerForVerification(tx, organisationId, admin.regionCodes)
    if (!employer) return undefined
    const decided = await decideEmployer(tx, { organisationId, regionCodes: admin.regionCodes, actorUserId: admin.id, decision: 'rejected', reason })
    if (!decided) return undefined
    await audit(tx, { actorUserId: admin.id, organisationId, action: 'employer.rejected', subjectType: 'organisation', subjectId: organisationId, details: { reason } })
    await sendEmail(tx, {
      to: employer.contactEmail,
      template: 'employer-rejected',
      props: {
        name: employer.contactName,
        organisationName: employer.name,
        reason,
        organisationUrl: new URL('/werkgever/organisatie', baseUrl).toString(),
      },
    })
    return { name: employer.name }
  })
}
