import type { ReactNode } from 'react'
import { describeCovers, describeEmployerPays, describeWage } from '#domain/compensation-labels'
import type { RuleValues } from '#domain/compensation-rules'

/*
 * Table pieces shared by the comparison, the per-region history and the admin's schedule history, so the
 * three tables keep the same column heads and say a rule's values in the same words.
 */
export const ruleCell = 'py-1 pr-3'

/** The header row: one `th scope="col"` per column. */
export function ColumnHeads({ columns, cell = ruleCell, className = '' }: { columns: readonly string[]; cell?: string; className?: string }) {
  return (
    <thead>
      <tr className={`border-b border-slate-400 ${className}`.trim()}>
        {columns.map((column) => (
          <th key={column} scope="col" className={cell}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  )
}

type RuleCellsProps = {
  rule: Pick<RuleValues, 'employerPaysCents' | 'employerPaysUnit' | 'wagePolicy' | 'grossHourlyWageCents' | 'referenceScale'> & {
    covers: readonly string[]
  }
  cell?: string
  /** The comparison shows the estimated cost right after what the employer pays. */
  estimate?: ReactNode
}

/** "Werkgever betaalt", (the estimate,) "Deelnemer krijgt" and "Gedekt" for one rule. */
export function RuleCells({ rule, cell = ruleCell, estimate }: RuleCellsProps) {
  return (
    <>
      <td className={cell}>{describeEmployerPays(rule)}</td>
      {estimate === undefined ? null : <td className={cell}>{estimate}</td>}
      <td className={cell}>{describeWage(rule)}</td>
      <td className={cell}>{describeCovers(rule.covers)}</td>
    </>
  )
}
