import type { SessionUser } from '#domain/session-user'
import type { TrainingOutcomeInput, TrainingRequestInput } from '#domain/training-form'
import { addTraining, recordTrainingOutcome } from '#db/queries/trajectory-trainings'
import { db } from '#app/utils/db.server'

/** Training requests within the trajectory (issue 13); the client came through requireClient, the queries scope again. */
export function requestClientTraining(user: SessionUser, clientId: string, value: TrainingRequestInput) {
  return db().transaction((tx) => addTraining(tx, user, clientId, value))
}

export function recordClientTrainingOutcome(user: SessionUser, clientId: string, value: TrainingOutcomeInput) {
  return db().transaction((tx) => recordTrainingOutcome(tx, user, clientId, value))
}
