import { and, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '#db/client'
import { occupations, searchTermMappings, users } from '#db/schema'
import type { ProposeMappingInput, ReviewMappingInput } from '#domain/search-terms'
import type { SessionUser } from '#domain/session-user'
import { audit } from './audit'

/**
 * Proposals that a search term means an ESCO occupation (regional admin) and their review (platform admin).
 * Every proposal and decision is audited with ids only: the term itself may be something a person typed.
 */
export async function proposeMapping(tx: Tx, user: SessionUser, input: ProposeMappingInput, term: string) {
  const [occupation] = await tx.select({ uri: occupations.uri }).from(occupations).where(eq(occupations.uri, input.uri))
  if (!occupation) return { ok: false as const, field: 'uri', message: 'Kies een beroep uit de lijst.' }
  const [row] = await tx
    .insert(searchTermMappings)
    .values({ term, kind: input.kind, occupationUri: input.uri, note: input.note, proposedByUserId: user.id })
    .returning({ id: searchTermMappings.id })
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action: 'search_term_mapping.proposed', subjectType: 'search_term_mapping', subjectId: row!.id })
  return { ok: true as const, id: row!.id }
}

/** Accepts or rejects a proposal that is still open; a decided one stays as it was decided. */
export async function reviewMapping(tx: Tx, user: SessionUser, input: ReviewMappingInput) {
  const [row] = await tx
    .update(searchTermMappings)
    .set({
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      decidedByUserId: user.id,
      decidedAt: sql`now()`,
      decisionReason: input.reason || null,
    })
    .where(and(eq(searchTermMappings.id, input.mappingId), eq(searchTermMappings.status, 'proposed')))
    .returning({ id: searchTermMappings.id })
  if (!row) return { ok: false as const }
  const action = input.decision === 'accept' ? 'search_term_mapping.accepted' : 'search_term_mapping.rejected'
  await audit(tx, { actorUserId: user.id, organisationId: user.organisation.id, action, subjectType: 'search_term_mapping', subjectId: row.id })
  return { ok: true as const }
}

const proposer = alias(users, 'proposer')
const decider = alias(users, 'decider')

/** Every proposal with its history, open ones first, then the newest decisions (limited: the page is a worklist). */
export function listMappings(tx: Tx, limit = 300) {
  return tx
    .select({
      id: searchTermMappings.id,
      term: searchTermMappings.term,
      kind: searchTermMappings.kind,
      occupationUri: searchTermMappings.occupationUri,
      occupationLabel: occupations.label,
      note: searchTermMappings.note,
      status: searchTermMappings.status,
      proposedBy: proposer.name,
      proposedAt: searchTermMappings.proposedAt,
      decidedBy: decider.name,
      decidedAt: searchTermMappings.decidedAt,
      decisionReason: searchTermMappings.decisionReason,
    })
    .from(searchTermMappings)
    .leftJoin(occupations, eq(occupations.uri, searchTermMappings.occupationUri))
    .leftJoin(proposer, eq(proposer.id, searchTermMappings.proposedByUserId))
    .leftJoin(decider, eq(decider.id, searchTermMappings.decidedByUserId))
    .orderBy(sql`${searchTermMappings.status} = 'proposed' desc`, desc(sql`coalesce(${searchTermMappings.decidedAt}, ${searchTermMappings.proposedAt})`))
    .limit(limit)
}

/** The accepted mappings, in the order they were accepted: what joins the search vocabulary. */
export function acceptedMappings(tx: Tx) {
  return tx
    .select({ id: searchTermMappings.id, term: searchTermMappings.term, kind: searchTermMappings.kind, occupationUri: searchTermMappings.occupationUri, note: searchTermMappings.note })
    .from(searchTermMappings)
    .where(eq(searchTermMappings.status, 'accepted'))
    .orderBy(searchTermMappings.decidedAt, searchTermMappings.id)
}

/** A cheap fingerprint of the accepted mappings: a process rebuilds its vocabulary when it changed. */
export async function acceptedMappingsVersion(tx: Tx): Promise<string> {
  const [row] = await tx
    .select({ version: sql<string>`count(*)::text || '@' || coalesce(max(${searchTermMappings.decidedAt})::text, '')` })
    .from(searchTermMappings)
    .where(eq(searchTermMappings.status, 'accepted'))
  return row?.version ?? ''
}
