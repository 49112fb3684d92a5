import type { SessionUser } from '#domain/session-user'
import { formatDate } from '#domain/compensation-labels'
import type { EvaluationInput, WorkFloorAnswerInput, WorkFloorRequestInput } from '#domain/evaluation-form'
import { brusselsDate } from '#domain/intake-working-days'
import { nextEvaluationDue } from '#domain/trajectory-deadlines'
import { auditEvaluationList, evaluationScheduleRows, recordEvaluation } from '#db/queries/trajectory-evaluations'
import { answerWorkFloorEvaluation, getEmployerWorkFloor, listEmployerWorkFloor, requestWorkFloorEvaluation } from '#db/queries/work-floor'
import { sendEmail } from '#emails/send.server'
import { db } from '#app/utils/db.server'

/**
 * Evaluation moments (issue 13): the begeleider's evaluation with its new POP version, the employer's work-floor
 * form (asked by mail with a link to the portal, answered there) and the list of evaluations coming due.
 */
export function recordClientEvaluation(user: SessionUser, clientId: string, value: EvaluationInput) {
  return db().transaction((tx) => recordEvaluation(tx, user, clientId, value, brusselsDate()))
}

/** Asks the employer of a phase for the work-floor form; its contact and users get a mail with the link. */
export function askWorkFloorEvaluation(user: SessionUser, clientId: string, value: WorkFloorRequestInput, baseUrl: string) {
  return db().transaction(async (tx) => {
    const result = await requestWorkFloorEvaluation(tx, user, clientId, value, brusselsDate())
    if (result.kind !== 'requested') return result
    const formUrl = new URL(`/werkgever/evaluaties/${result.id}`, baseUrl).toString()
    for (const to of result.recipients) {
      await sendEmail(tx, {
        to: to.email,
        template: 'work-floor-request',
        props: { name: to.name, placementTitle: result.placementTitle, guidedBy: user.organisation.name, dueOn: formatDate(value.dueOn), formUrl },
      })
    }
    return result
  })
}

export const employerWorkFloorList = (user: SessionUser) => db().transaction((tx) => listEmployerWorkFloor(tx, user))
export const employerWorkFloorForm = (user: SessionUser, id: string | undefined) => db().transaction((tx) => getEmployerWorkFloor(tx, user, id))
export const answerWorkFloor = (user: SessionUser, id: string | undefined, value: WorkFloorAnswerInput) => db().transaction((tx) => answerWorkFloorEvaluation(tx, user, id, value))

export type DueEvaluation = { clientId: string; clientName: string; begeleider: string | null; mine: boolean; dueOn: string; overdue: boolean }

/**
 * The evaluations coming due in the begeleider's organisation, soonest first: their own (`mine`) and the team's,
 * so a colleague can step in when one is overdue.
 */
export async function dueEvaluations(user: SessionUser, today = brusselsDate()): Promise<DueEvaluation[]> {
  return db().transaction(async (tx) => {
    const rows = await evaluationScheduleRows(tx, { organisationId: user.organisation.id })
    await auditEvaluationList(tx, user, rows.length)
    return rows
      .map((row) => {
        const due = nextEvaluationDue({ startOn: row.startOn, evaluations: row.evaluations, phases: row.phases, today })
        return { clientId: row.clientId, clientName: row.clientName, begeleider: row.begeleiderName, mine: row.begeleiderId === user.id, ...due }
      })
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.clientName.localeCompare(b.clientName, 'nl'))
  })
}
