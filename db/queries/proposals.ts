import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import { declineReasonLabels, type DeclineReason, MAX_OPEN_PROPOSALS, type ShareField, sharedSnapshot } from '#domain/proposal-form'
import type { Tx } from '#db/client'
import { clients, employerProfiles, municipalities, occupations, organisations, placements, proposals, users } from '#db/schema'
import { audit } from './audit'
import { fillPlace } from './placement-lifecycle'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'

/**
 * Proposals of clients to placements (issue 4). The caseworker's side is scoped to the client's organisation
 * (proposals.organisation_id), the employer's side to the placement's organisation; both come from the session
 * user. The employer's side selects the shared snapshot only, never a column of the client record.
 */
/** A placement a client can be proposed for: published by a verified employer, with a place free. Any caseworker sees these. */
export async function getProposablePlacement(tx: Tx, placementId: string | undefined) {
  if (!isUuid(placementId)) return undefined
  const [row] = await tx
    .select({
      id: placements.id,
      title: placements.title,
      organisationId: placements.organisationId,
      employer: organisations.name,
      municipality: municipalities.name,
      occupation: occupations.label,
      hoursPerWeek: placements.hoursPerWeek,
      schedule: placements.schedule,
      dutchLevel: placements.dutchLevel,
      places: placements.places,
    })
    .from(placements)
    .innerJoin(employerProfiles, eq(employerProfiles.organisationId, placements.organisationId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .innerJoin(municipalities, eq(municipalities.nis, placements.municipalityNis))
    .innerJoin(occupations, eq(occupations.uri, placements.occupationUri))
    .where(and(eq(placements.id, placementId), eq(placements.status, 'published'), eq(employerProfiles.verificationStatus, 'verified'), gt(placements.places, 0)))
    // Held until commit: an accept that takes the last place meanwhile waits, or this proposal waits for it.
    .for('share', { of: placements })
  return row
}

export async function countOpenProposals(tx: Tx, user: SessionUser, clientId: string) {
  return tx.$count(proposals, and(eq(proposals.clientId, clientId), eq(proposals.organisationId, user.organisation.id), eq(proposals.status, 'open')))
}

export type ProposeInput = { clientId: string; placementId: string; consent: boolean; share: ShareField[]; message?: string | null }

/**
 * Stores the proposal and returns whom to tell (the employer's contact person and its active users, each once):
 * app/features/proposals/proposals.server.ts mails them in the same transaction.
 */
export async function insertProposal(tx: Tx, user: SessionUser, input: ProposeInput) {
  if (!input.consent) return { kind: 'no-consent' } as const
  if (!isUuid(input.clientId)) return { kind: 'client-not-found' } as const
  // The client row lock serialises this client's proposals, so two at once cannot both be the third.
  const [client] = await tx
    .select({ firstName: clients.firstName, competences: clients.competences, dutchLevel: clients.dutchLevel, hoursAvailable: clients.hoursAvailable, closedAt: clients.closedAt })
    .from(clients)
    .where(and(eq(clients.id, input.clientId), eq(clients.organisationId, user.organisation.id), isNull(clients.anonymisedAt)))
    .for('update')
  if (!client) return { kind: 'client-not-found' } as const
  if (client.closedAt) return { kind: 'client-closed' } as const
  const placement = await getProposablePlacement(tx, input.placementId)
  if (!placement) return { kind: 'placement-unavailable' } as const
  const open = await tx.select({ placementId: proposals.placementId }).from(proposals).where(and(eq(proposals.clientId, input.clientId), eq(proposals.status, 'open')))
  if (open.some((p) => p.placementId === placement.id)) return { kind: 'duplicate' } as const
  if (open.length >= MAX_OPEN_PROPOSALS) return { kind: 'too-many' } as const
  const [row] = await tx
    .insert(proposals)
    .values({
      clientId: input.clientId,
      placementId: placement.id,
      organisationId: user.organisation.id,
      proposedByUserId: user.id,
      clientConsented: true,
      ...sharedSnapshot(client, input.share),
      message: input.message?.trim() || null,
    })
    // proposals_open_once_idx, should anything get past the lock: a refusal, never a 500.
    .onConflictDoNothing()
    .returning({ id: proposals.id })
  if (!row) return { kind: 'duplicate' } as const
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'proposal.create',
    subjectType: 'proposal',
    subjectId: row.id,
    details: { clientId: input.clientId, placementId: placement.id, shared: [...new Set(input.share)] },
  })
  const recipients = await employerRecipients(tx, placement.organisationId)
  return { kind: 'proposed', id: row.id, employer: placement.employer, placementTitle: placement.title, recipients } as const
}

/** The employer's contact person and its active users, each once. */
export async function employerRecipients(tx: Tx, organisationId: string) {
  const contact = await tx.select({ name: employerProfiles.contactName, email: employerProfiles.contactEmail }).from(employerProfiles).where(eq(employerProfiles.organisationId, organisationId))
  const staff = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'employer'), isNull(users.disabledAt)))
  const byAddress = new Map([...contact, ...staff].map((r) => [r.email.toLowerCase(), r]))
  return [...byAddress.values()]
}

/** What both sides see of a proposal: its state, the answer, and the snapshot the client agreed to share. */
const proposalColumns = {
  id: proposals.id,
  status: proposals.status,
  createdAt: proposals.createdAt,
  decidedAt: proposals.decidedAt,
  declineReason: proposals.declineReason,
  declineNote: proposals.declineNote,
  message: proposals.message,
  sharedFirstName: proposals.sharedFirstName,
  sharedCompetences: proposals.sharedCompetences,
  sharedDutchLevel: proposals.sharedDutchLevel,
  sharedAvailability: proposals.sharedAvailability,
}

/** The caseworker's view of one client's proposals, newest first: where, what was shared, what the employer answered. */
export async function listClientProposals(tx: Tx, user: SessionUser, clientId: string) {
  return tx
    .select({
      ...proposalColumns,
      placement: { id: placements.id, title: placements.title },
      employer: organisations.name,
    })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .innerJoin(organisations, eq(organisations.id, placements.organisationId))
    .where(and(eq(proposals.clientId, clientId), eq(proposals.organisationId, user.organisation.id)))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
}

/** Withdraws an open proposal of the caseworker's organisation. */
export async function withdrawProposal(tx: Tx, user: SessionUser, proposalId: string) {
  if (!isUuid(proposalId)) return { kind: 'not-found' } as const
  const scope = and(eq(proposals.id, proposalId), eq(proposals.organisationId, user.organisation.id))
  const [row] = await tx
    .update(proposals)
    .set({ status: 'withdrawn', decidedAt: sql`now()`, decidedByUserId: user.id })
    .where(and(scope, eq(proposals.status, 'open')))
    .returning({ id: proposals.id, clientId: proposals.clientId, placementId: proposals.placementId })
  if (!row) {
    const [existing] = await tx.select({ status: proposals.status }).from(proposals).where(scope)
    return existing ? ({ kind: 'not-open', status: existing.status } as const) : ({ kind: 'not-found' } as const)
  }
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'proposal.withdraw', subjectType: 'proposal', subjectId: row.id, details: { clientId: row.clientId, placementId: row.placementId } })
  return { kind: 'withdrawn' } as const
}

/** What an employer sees of a proposal: the snapshot, the caseworker who proposed, and the placement. No client column. */
const employerView = {
  ...proposalColumns,
  placement: { id: placements.id, title: placements.title, places: placements.places, status: placements.status },
  proposer: { organisation: organisations.name, name: users.name, email: users.email },
}

function employerProposals(tx: Tx, user: SessionUser, filter: { placementId?: string; proposalId?: string }) {
  return tx
    .select(employerView)
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    // The proposing organisation and caseworker: whom the employer contacts about the candidate.
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(users, eq(users.id, proposals.proposedByUserId))
    .where(
      and(
        eq(placements.organisationId, user.organisation.id),
        filter.placementId ? eq(proposals.placementId, filter.placementId) : undefined,
        filter.proposalId ? eq(proposals.id, filter.proposalId) : undefined,
      ),
    )
    .orderBy(sql`${proposals.status} = 'open' desc`, desc(proposals.createdAt), desc(proposals.id))
}

/**
 * An employer's read of proposals is a disclosure of the clients' snapshots to a third party, so each read is
 * audited with the ids of the proposals it showed (whom a client's data reached, art. 15(1)(c) AVG), never a value.
 */
async function readEmployerProposals(tx: Tx, user: SessionUser, filter: { placementId?: string; proposalId?: string }, purpose: 'view' | 'decide' = 'view') {
  const rows = await employerProposals(tx, user, filter)
  if (filter.proposalId && rows.length === 0) return rows
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: 'proposal.read',
    subjectType: 'proposal',
    subjectId: filter.proposalId ?? null,
    details: { purpose, ...(filter.placementId ? { placementId: filter.placementId } : {}), count: rows.length, proposalIds: rows.map((row) => row.id) },
  })
  return rows
}

/** Every proposal for the employer's placements: open ones first, then newest first. */
export const listEmployerProposals = (tx: Tx, user: SessionUser) => readEmployerProposals(tx, user, {})
export const listPlacementProposals = (tx: Tx, user: SessionUser, placementId: string) => readEmployerProposals(tx, user, { placementId })
/** One proposal for the employer's placements; `decide` when the read serves a decision rather than showing it. */
export const getEmployerProposal = async (tx: Tx, user: SessionUser, proposalId: string | undefined, purpose: 'view' | 'decide' = 'view') =>
  isUuid(proposalId) ? (await readEmployerProposals(tx, user, { proposalId }, purpose))[0] : undefined

export type Decision = { decision: 'accept' } | { decision: 'decline'; reason: DeclineReason; note?: string | null }

/**
 * The employer accepts (taking a place) or declines with a reason. The proposal row is locked first, then the
 * placement's (in fillPlace): a second decision on the same proposal, or a second accept of the last place,
 * waits and is then refused with what happened meanwhile.
 */
export async function recordDecision(tx: Tx, user: SessionUser, proposalId: string, decision: Decision) {
  if (!isUuid(proposalId)) return { kind: 'not-found' } as const
  const [current] = await tx
    .select({ status: proposals.status, placementId: proposals.placementId, clientId: proposals.clientId, proposedByUserId: proposals.proposedByUserId, title: placements.title })
    .from(proposals)
    .innerJoin(placements, eq(placements.id, proposals.placementId))
    .where(and(eq(proposals.id, proposalId), eq(placements.organisationId, user.organisation.id)))
    .for('update', { of: proposals })
  if (!current) return { kind: 'not-found' } as const
  if (current.status !== 'open') return { kind: 'not-open', status: current.status } as const
  let placesLeft: number | null = null
  if (decision.decision === 'accept') {
    placesLeft = await fillPlace(tx, { placementId: current.placementId, organisationId: user.organisation.id, actorUserId: user.id, note: 'Eén plaats ingevuld via een aanvaard voorstel.' })
    if (placesLeft === null) return { kind: 'no-place' } as const
  }
  const declined = decision.decision === 'decline' ? decision : undefined
  const status = declined ? 'declined' : 'accepted'
  const note = declined?.note?.trim() || null
  await tx
    .update(proposals)
    .set({ status, declineReason: declined?.reason ?? null, declineNote: note, decidedAt: sql`now()`, decidedByUserId: user.id })
    .where(eq(proposals.id, proposalId))
  await audit(tx, {
    actorUserId: user.id,
    organisationId: user.organisation.id,
    action: `proposal.${decision.decision}`,
    subjectType: 'proposal',
    subjectId: proposalId,
    details: { placementId: current.placementId, ...(declined ? { reason: declined.reason } : { placesLeft }) },
  })
  const outcome = { accepted: !declined, reason: declined ? declineReasonLabels[declined.reason] : null, note, employer: user.organisation.name }
  return { kind: status, placesLeft, caseworker: await proposingCaseworker(tx, current), outcome } as const
}

/** The caseworker who proposed, while their account is active, with what the decision mail needs. */
async function proposingCaseworker(tx: Tx, proposal: { proposedByUserId: string | null; clientId: string; title: string }) {
  if (!proposal.proposedByUserId) return undefined
  const [row] = await tx
    .select({ name: users.name, email: users.email, clientName: clients.displayName })
    .from(users)
    .innerJoin(clients, eq(clients.id, proposal.clientId))
    .where(and(eq(users.id, proposal.proposedByUserId), isNull(users.disabledAt)))
  return row ? { ...row, clientId: proposal.clientId, placementTitle: proposal.title } : undefined
}
