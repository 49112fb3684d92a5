import { getFormProps, getInputProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { parseWithZod } from '#app/utils/parse-form'
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { Field } from '#app/components/forms'
import { ErrorSummary } from '#app/components/error-summary'
import { inputProps } from '#app/components/conform-fields'

export const SaveSearchSchema = z.object({
  name: z
    .string({ required_error: 'Geef de zoekopdracht een naam, zodat je ze terugvindt.' })
    .trim()
    .min(1, 'Geef de zoekopdracht een naam, zodat je ze terugvindt.')
    .max(80, 'Een naam telt hoogstens 80 tekens.'),
  alert: z.boolean().default(false),
  // The search page's own address (search-params.ts checks it again); only too long is refused here.
  query: z.string().max(2000, 'Deze zoekopdracht is te lang om te bewaren.').default(''),
})

type Props = { query: string; lastResult: SubmissionResult<string[]> | undefined }

/**
 * "Zoekopdracht bewaren": a name and whether to mail new placements, for the search on the page (its address
 * travels in a hidden field). A <details>, open after a mistake, so it takes no room until it is needed. After a
 * save it starts closed and empty again: with JavaScript the redirect to this same page keeps the components.
 */
export function SaveSearchForm(props: Props) {
  const navigation = useNavigation()
  const posted = useRef(false)
  const [saves, setSaves] = useState(0)
  useEffect(() => {
    if (navigation.formMethod?.toUpperCase() === 'POST') posted.current = true
    else if (navigation.state === 'idle' && posted.current) {
      posted.current = false
      if (props.lastResult === undefined) setSaves((n) => n + 1)
    }
  }, [navigation.state, navigation.formMethod, props.lastResult])
  return <SaveForm key={saves} {...props} />
}

function SaveForm({ query, lastResult }: Props) {
  const [form, fields] = useForm({
    id: 'zoekopdracht-bewaren',
    lastResult,
    defaultValue: { alert: true },
    constraint: getZodConstraint(SaveSearchSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SaveSearchSchema }),
    shouldRevalidate: 'onInput',
  })
  const { key: _key, ...alert } = getInputProps(fields.alert, { type: 'checkbox' })
  return (
    <details className="card mt-4" open={lastResult?.status === 'error' ? true : undefined}>
      <summary className="cursor-pointer font-semibold">Zoekopdracht bewaren</summary>
      <Form method="post" {...getFormProps(form)} className="mt-4">
        <ErrorSummary form={form} />
        <input type="hidden" name="query" value={query} />
        <Field
          label="Naam"
          help="Voor jezelf, bijvoorbeeld: magazijn rond Gent. Gebruik geen namen van cliënten."
          errors={fields.name.errors}
          inputProps={inputProps(fields.name, { type: 'text' })}
        />
        <div className="mb-5 flex items-start gap-2">
          <input {...alert} className="mt-1 size-5 shrink-0" />
          <label htmlFor={fields.alert.id}>Stuur me een e-mail als er een nieuwe plaats bij komt</label>
        </div>
        <button type="submit" className="btn-secondary">
          Bewaren
        </button>
      </Form>
    </details>
  )
}
