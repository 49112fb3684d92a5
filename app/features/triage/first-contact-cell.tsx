import { formatDate } from '#domain/compensation-labels'
import { dueText, type IntakeFacts } from '#domain/triage-workflow'

/**
 * "Nog 3 dagen, uiterlijk 9 december 2026" in a queue: a late first contact is marked in words and with a sign, so
 * colour is never the only signal (the row's tint and border add to it).
 */
type Props = { intake: Pick<IntakeFacts, 'status' | 'firstContactAt' | 'firstContactDueOn'>; overdue: boolean; today: string; className: string }

export function FirstContactCell({ intake, overdue, today, className }: Props) {
  return (
    <td className={className}>
      {overdue ? (
        <strong className="text-red-800">
          <span aria-hidden="true">⚠ </span>
          {dueText(intake, today)}
        </strong>
      ) : (
        dueText(intake, today)
      )}
      <span className="block text-sm">uiterlijk {formatDate(intake.firstContactDueOn)}</span>
    </td>
  )
}
