import { earliest, latest, plusDays, plusMonths, type IsoDate } from './calendar-dates'

/**
 * The TWE trajectory's recurring deadlines (issue 13): evaluations, reminders, the inactivity decision and the
 * outflow follow-up. Pure rules over ISO dates; `today` is always a parameter. A deadline is overdue only the day
 * AFTER it: an evaluation due at 6 months is on time on that day and overdue from 6 months + 1 day.
 */
export const deadlineRules = {
  evaluationIntervalMonths: 6,
  reminderDaysAhead: 14,
  inactivityMonths: 3,
  outflowFollowUpMonths: 3,
} as const

/**
 * An evaluation is due after each phase (on the phase's end date) and at least every 6 calendar months (after the
 * latest evaluation, or after the start when there is none). A phase end counts as evaluated when an evaluation was
 * held on or after that date; one held before the phase ended does not close it.
 */
export function nextEvaluationDue(input: {
  startOn: IsoDate
  evaluations: readonly { on: IsoDate }[]
  phases: readonly { endOn?: IsoDate }[]
  today: IsoDate
}): { dueOn: IsoDate; overdue: boolean } {
  const [firstEvaluation, ...otherEvaluations] = input.evaluations.map((evaluation) => evaluation.on)
  const lastOn = firstEvaluation === undefined ? undefined : latest(firstEvaluation, ...otherEvaluations)
  const phaseEnds = input.phases.flatMap(({ endOn }) => (endOn !== undefined && (lastOn === undefined || endOn > lastOn) ? [endOn] : []))
  const dueOn = earliest(plusMonths(lastOn ?? input.startOn, deadlineRules.evaluationIntervalMonths), ...phaseEnds)
  return { dueOn, overdue: input.today > dueOn }
}

export type EvaluationReminder = { on: IsoDate; kind: 'two_weeks_ahead' | 'on_the_day' }

/** The reminder mails for an evaluation due on `dueOn`: 14 days ahead and on the day itself. */
export const evaluationReminders = (dueOn: IsoDate): [EvaluationReminder, EvaluationReminder] => [
  { on: plusDays(dueOn, -deadlineRules.reminderDaysAhead), kind: 'two_weeks_ahead' },
  { on: dueOn, kind: 'on_the_day' },
]

/** After more than 3 calendar months without activity the begeleider must decide: suspend or stop. */
export const needsDecision = (input: { lastActivityOn: IsoDate; today: IsoDate }): boolean =>
  input.today > plusMonths(input.lastActivityOn, deadlineRules.inactivityMonths)

/** Three calendar months after the end the begeleider is asked for the outflow status (as the TWE evaluation measured it). */
export const outflowFollowUpOn = (endedOn: IsoDate): IsoDate => plusMonths(endedOn, deadlineRules.outflowFollowUpMonths)
