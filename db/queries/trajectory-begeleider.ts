import { aliasedTable, and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import { rolesWith } from '#domain/permissions'
import type { SessionUser } from '#domain/session-user'
import type { BegeleiderChangeInput } from '#domain/trajectory-follow-up'
import { isUuid } from '#domain/ids'
import type { Tx } from '#db/client'
import { begeleiderChanges, trajectories, users } from '#db/schema'
import { audit } from './audit'
import { ownOrganisation } from './clients'
import { lockOpenTrajectory } from './trajectories'

/**
 * Handing a TWE trajectory to a colleague (issue 13): one trajectbegeleider at a time, every change recorded with
 * the warm-hand-over note for the new one. Scoped to the user's own organisation; audited with ids only.
 */

/**
 * The colleagues who can take a trajectory over: users of the organisation whose role manages its clients, not
 * disabled and signed in at least once (an invitation not yet taken up is nobody to hand a person to).
 */
export function begeleiderCandidates(tx: Tx, user: SessionUser, exceptUserId: string | null) {
  return tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.organisationId, ownOrganisation(user)),
        inArray(users.role, rolesWith('client:manage-own-org')),
        isNull(users.disabledAt),
        isNotNull(users.lastLoginAt),
        exceptUserId ? ne(users.id, exceptUserId) : undefined,
      ),
    )
    .orderBy(asc(users.name))
}

export type BegeleiderChangeOutcome =
  | { kind: 'changed'; trajectoryId: string; to: { email: string; name: string } }
  | { kind: 'not-found' }
  | { kind: 'not-a-colleague' }

/** Changes the begeleider of the client's open trajectory; returns whom to tell (the new begeleider). */
export async function changeBegeleider(tx: Tx, user: SessionUser, clientId: string, input: BegeleiderChangeInput): Promise<BegeleiderChangeOutcome> {
  const organisationId = ownOrganisation(user)
  const open = await lockOpenTrajectory(tx, organisationId, clientId)
  if (!open) return { kind: 'not-found' }
  const [current] = await tx.select({ begeleiderUserId: trajectories.begeleiderUserId }).from(trajectories).where(eq(trajectories.id, open.id))
  const fromUserId = current?.begeleiderUserId ?? null
  const [to] = isUuid(input.toUserId)
    ? (await begeleiderCandidates(tx, user, fromUserId)).filter((c) => c.id === input.toUserId)
    : []
  if (!to) return { kind: 'not-a-colleague' }
  const [recipient] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, to.id))
  const [change] = await tx
    .insert(begeleiderChanges)
    .values({ trajectoryId: open.id, fromUserId, toUserId: to.id, note: input.note, changedByUserId: user.id })
    .returning({ id: begeleiderChanges.id })
  await tx.update(trajectories).set({ begeleiderUserId: to.id, updatedAt: sql`now()` }).where(eq(trajectories.id, open.id))
  await audit(tx, {
    actorUserId: user.id,
    organisationId,
    action: 'trajectory.begeleider-change',
    subjectType: 'trajectory',
    subjectId: open.id,
    details: { changeId: change!.id, fromUserId, toUserId: to.id },
  })
  return { kind: 'changed', trajectoryId: open.id, to: recipient! }
}

const fromUser = aliasedTable(users, 'from_user')
const toUser = aliasedTable(users, 'to_user')

/** The trajectory's begeleiders over time with the hand-over notes, oldest first; only a trajectory of the user's organisation. */
export function begeleiderHistory(tx: Tx, user: SessionUser, trajectoryId: string) {
  return tx
    .select({ id: begeleiderChanges.id, from: fromUser.name, to: toUser.name, note: begeleiderChanges.note, createdAt: begeleiderChanges.createdAt })
    .from(begeleiderChanges)
    .innerJoin(trajectories, eq(trajectories.id, begeleiderChanges.trajectoryId))
    .leftJoin(fromUser, eq(fromUser.id, begeleiderChanges.fromUserId))
    .leftJoin(toUser, eq(toUser.id, begeleiderChanges.toUserId))
    .where(and(eq(begeleiderChanges.trajectoryId, trajectoryId), eq(trajectories.organisationId, ownOrganisation(user))))
    .orderBy(asc(begeleiderChanges.createdAt))
}
