import type { Tx } from '#db/client'
import { type Decision, insertProposal, type ProposeInput, recordDecision } from '#db/queries/proposals'
import type { SessionUser } from '#domain/session-user'
import { sendEmail } from '#emails/send.server'

/**
 * The proposal use cases: db/queries/proposals.ts stores and says whom to tell, this module mails them, all in the
 * caller's transaction, so a proposal and its mails commit (or roll back) together.
 */
const link = (baseUrl: string, path: string) => new URL(path, baseUrl).toString()

/** A caseworker proposes a client for a placement; the employer's contact person and users hear of it. */
export async function proposeClient(tx: Tx, user: SessionUser, input: ProposeInput, baseUrl: string) {
  const result = await insertProposal(tx, user, input)
  if (result.kind !== 'proposed') return result
  for (const to of result.recipients) {
    await sendEmail(tx, {
      to: to.email,
      template: 'proposal-received',
      props: { name: to.name, placementTitle: result.placementTitle, proposerOrganisation: user.organisation.name, proposalUrl: link(baseUrl, `/werkgever/voorstellen/${result.id}`) },
    })
  }
  return { kind: result.kind, id: result.id, employer: result.employer } as const
}

/** The employer accepts or declines; the caseworker who proposed (while active) hears what was decided. */
export async function decideProposal(tx: Tx, user: SessionUser, proposalId: string, decision: Decision, baseUrl: string) {
  const result = await recordDecision(tx, user, proposalId, decision)
  if (result.kind !== 'accepted' && result.kind !== 'declined') return result
  const { caseworker, outcome } = result
  if (caseworker) {
    await sendEmail(tx, {
      to: caseworker.email,
      template: 'proposal-decided',
      props: {
        name: caseworker.name,
        clientName: caseworker.clientName,
        placementTitle: caseworker.placementTitle,
        ...outcome,
        proposalsUrl: link(baseUrl, `/begeleider/clienten/${caseworker.clientId}/voorstellen`),
      },
    })
  }
  return { kind: result.kind, placesLeft: result.placesLeft } as const
}
