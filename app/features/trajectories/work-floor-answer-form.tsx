import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { workFloorAnswerSchema } from '#domain/evaluation-form'
import { GoalScoreRows } from './goal-score-rows'

/** The employer's short form: per goal not yet / growing / reached with a comment, and a word for the whole ("u"). */
export function WorkFloorAnswerForm({ goals, lastResult }: { goals: string[]; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: 'work-floor-answer',
    lastResult,
    defaultValue: { answers: goals.map((goal) => ({ goal })) },
    constraint: getZodConstraint(workFloorAnswerSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: workFloorAnswerSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <fieldset className="mb-6">
        <legend className="field-label">Hoe ver staat de persoon per doel?</legend>
        <GoalScoreRows rows={fields.answers.getFieldList()} goals={goals} commentLabel={(goal) => `Toelichting bij ${goal} (niet verplicht)`} />
      </fieldset>
      <TextAreaField meta={fields.comment} label="Wilt u nog iets kwijt? (niet verplicht)" help="Wat goed gaat, waar de persoon hulp bij kan gebruiken." rows={4} />
      <button type="submit" className="btn-primary">
        Evaluatie versturen
      </button>
    </Form>
  )
}
