import type { SessionUser } from '#domain/session-user'
import { needsDecision } from '#domain/trajectory-deadlines'
import type { EndOutcome } from '#domain/trajectory-values'
import { type BegeleiderChangeInput, type OutflowInput, outflowState } from '#domain/trajectory-follow-up'
import { begeleiderCandidates, begeleiderHistory, changeBegeleider } from '#db/queries/trajectory-begeleider'
import { begeleiderTodo, lastActivityOn, recordOutflow } from '#db/queries/trajectory-follow-up'
import { sendEmail } from '#emails/send.server'
import { db } from '#app/utils/db.server'

/**
 * The trajectory's follow-up for its begeleider (issue 13): who guided it (with the hand-over notes), whether it
 * waits for the inactivity decision or the outflow status, the hand-over itself with its mail, and the "Te doen"
 * list. `today` is a parameter everywhere, so tests fix the clock.
 */
type Trajectory = {
  id: string
  status: 'active' | 'suspended' | 'stopped' | 'ended'
  endedOn: string | null
  outflowStatus: EndOutcome | null
  outflowRecordedOn: string | null
}

export async function trajectoryFollowUp(user: SessionUser, t: Trajectory, today: string) {
  const [history, lastOn] = await Promise.all([begeleiderHistory(db(), user, t.id), t.status === 'active' ? lastActivityOn(db(), user, t.id) : undefined])
  return {
    begeleiders: history.map((change) => ({ ...change, createdAt: change.createdAt.toISOString() })),
    // Only an active trajectory can go quiet: a suspended one waits for its resumption, a closed one is done.
    decision: lastOn && needsDecision({ lastActivityOn: lastOn, today }) ? { lastActivityOn: lastOn } : null,
    outflow: t.endedOn ? { ...outflowState({ endedOn: t.endedOn, outflowRecordedOn: t.outflowRecordedOn, today }), status: t.outflowStatus, recordedOn: t.outflowRecordedOn } : null,
  }
}

export type TrajectoryFollowUp = Awaited<ReturnType<typeof trajectoryFollowUp>>

export const colleaguesFor = (user: SessionUser, currentBegeleiderId: string | null) => begeleiderCandidates(db(), user, currentBegeleiderId)

/** Hands the client's open trajectory to a colleague; the new begeleider gets a mail in the same transaction. */
export function handOverTrajectory(user: SessionUser, clientId: string, input: BegeleiderChangeInput, baseUrl: string) {
  return db().transaction(async (tx) => {
    const outcome = await changeBegeleider(tx, user, clientId, input)
    if (outcome.kind !== 'changed') return outcome
    await sendEmail(tx, {
      to: outcome.to.email,
      template: 'trajectory-handed-over',
      props: { name: outcome.to.name, fromName: user.name, trajectoryUrl: new URL(`/begeleider/clienten/${clientId}/traject`, baseUrl).toString() },
    })
    return outcome
  })
}

export function recordClientOutflow(user: SessionUser, clientId: string, input: OutflowInput, today: string) {
  return db().transaction((tx) => recordOutflow(tx, user, clientId, input, today))
}

export function loadBegeleiderTodo(user: SessionUser, today: string) {
  return db().transaction((tx) => begeleiderTodo(tx, user, today))
}
