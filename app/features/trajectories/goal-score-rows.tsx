import type { FieldMetadata } from '@conform-to/react'
import { ChoiceGroup, inputProps, TextAreaField } from '#app/components/conform-fields'
import { evaluationScale, evaluationScaleLabels } from '#domain/trajectory-values'

type Row = FieldMetadata<{ goal: string; comment?: string } & Record<string, unknown>, any, any>
const scaleChoices = evaluationScale.map((value) => ({ value, label: evaluationScaleLabels[value] }))

/**
 * Per competence goal a row: the goal (hidden, as posted), not yet / growing / reached, and a comment. Used by the
 * evaluation, the employer's work-floor form and the final report (whose score field is named `result`).
 */
export function GoalScoreRows({ rows, goals, scoreField = 'score', commentLabel }: { rows: Row[]; goals: string[]; scoreField?: 'score' | 'result'; commentLabel: (goal: string) => string }) {
  return rows.map((row, index) => {
    const fields = row.getFieldset() as Record<'goal' | 'comment' | 'score' | 'result', FieldMetadata<string>>
    const goal = goals[index] ?? ''
    return (
      <div key={row.key} className="mt-3 border-t border-slate-300 pt-3">
        <input {...inputProps(fields.goal, { type: 'hidden' })} />
        <ChoiceGroup meta={fields[scoreField]} type="radio" legend={goal} choices={scaleChoices} />
        <TextAreaField meta={fields.comment} label={commentLabel(goal)} rows={2} />
      </div>
    )
  })
}
