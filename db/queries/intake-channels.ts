import { randomInt } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { intakeChannels, intakes, organisations } from '#db/schema'
import type { intakeLanguages } from '#domain/values'
import { audit } from './audit'
import type { SessionUser } from '#domain/session-user'
import { isUuid } from '#domain/ids'

/**
 * An outreach partner's links `/aanmelden/k/<code>` and their posters. Every function takes the organisation
 * from the session user, so another partner's channel is simply not found. Statistics are counts of intakes
 * only: an outreach partner never sees who registered through its link.
 */
type Language = (typeof intakeLanguages)[number]

// No 0/o, 1/i/l: a code is read off a poster and typed in by hand. Lower case only, because the public route
// finds codes case-insensitively. 31^8 ≈ 8.5·10^11 codes: nobody stumbles on another partner's link.
export const CHANNEL_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const CHANNEL_CODE_LENGTH = 8
export const RECENT_DAYS = 30

export function newChannelCode(): string {
  return Array.from({ length: CHANNEL_CODE_LENGTH }, () => CHANNEL_CODE_ALPHABET[randomInt(CHANNEL_CODE_ALPHABET.length)]).join('')
}


/** The outreach partner whose channels the user manages; only outreach workers of an outreach partner have one. */
function ownOrganisation(user: SessionUser): string {
  if (user.role !== 'outreach_worker' || user.organisation.type !== 'outreach_partner') {
    throw new Error(`${user.role} of a ${user.organisation.type} organisation has no intake channels`)
  }
  return user.organisation.id
}

/** The organisation's channels, newest first, with how many intakes came in through each (all time, last 30 days). */
export async function listOwnChannels(tx: Tx, user: SessionUser) {
  return tx
    .select({
      id: intakeChannels.id,
      code: intakeChannels.code,
      name: intakeChannels.name,
      language: intakeChannels.language,
      createdAt: intakeChannels.createdAt,
      intakesTotal: sql<number>`count(${intakes.id})::int`,
      intakesRecent: sql<number>`(count(${intakes.id}) filter (where ${intakes.createdAt} >= now() - make_interval(days => ${RECENT_DAYS})))::int`,
    })
    .from(intakeChannels)
    .leftJoin(intakes, eq(intakes.channelId, intakeChannels.id))
    .where(eq(intakeChannels.organisationId, ownOrganisation(user)))
    .groupBy(intakeChannels.id)
    .orderBy(desc(intakeChannels.createdAt), desc(intakeChannels.id))
}

/** One channel of the user's organisation (with the organisation's name, for the poster), or null. */
export async function getOwnChannel(tx: Tx, user: SessionUser, channelId: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(channelId)) return null
  const [row] = await tx
    .select({
      id: intakeChannels.id,
      code: intakeChannels.code,
      name: intakeChannels.name,
      language: intakeChannels.language,
      organisationName: organisations.name,
    })
    .from(intakeChannels)
    .innerJoin(organisations, eq(organisations.id, intakeChannels.organisationId))
    .where(and(eq(intakeChannels.id, channelId), eq(intakeChannels.organisationId, organisationId)))
  return row ?? null
}

/**
 * A new channel with a fresh code. A code that exists already (vanishingly rare) is drawn again; `drawCode`
 * is a parameter so a test can force that.
 */
export async function createOwnChannel(tx: Tx, user: SessionUser, input: { name: string; language: Language }, drawCode = newChannelCode) {
  const organisationId = ownOrganisation(user)
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(intakeChannels)
      .values({ code: drawCode(), organisationId, name: input.name, language: input.language })
      .onConflictDoNothing({ target: intakeChannels.code })
      .returning({ id: intakeChannels.id, code: intakeChannels.code })
    if (row) {
      await audit(tx, {
        actorUserId: user.id,
        organisationId,
        action: 'intake-channel.create',
        subjectType: 'intake-channel',
        subjectId: row.id,
        details: { language: input.language },
      })
      return row
    }
  }
  throw new Error('No free channel code after 5 attempts')
}

/** Renames a channel of the user's organisation; null when there is no such channel. Links and posters stay valid. */
export async function renameOwnChannel(tx: Tx, user: SessionUser, channelId: string, name: string) {
  const organisationId = ownOrganisation(user)
  if (!isUuid(channelId)) return null
  const [row] = await tx
    .update(intakeChannels)
    .set({ name })
    .where(and(eq(intakeChannels.id, channelId), eq(intakeChannels.organisationId, organisationId)))
    .returning({ id: intakeChannels.id, name: intakeChannels.name })
  if (!row) return null
  await audit(tx, { actorUserId: user.id, organisationId, action: 'intake-channel.rename', subjectType: 'intake-channel', subjectId: row.id })
  return row
}
