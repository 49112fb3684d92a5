import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ChoiceGroup, TextAreaField } from '#app/components/conform-fields'
import { ErrorSummary } from '#app/components/error-summary'
import { parseWithZod } from '#app/utils/parse-form'
import { formatDate } from '#domain/compensation-labels'
import { noteSchema } from '#domain/trajectory-sharing-forms'

type Note = { id: string; body: string; confidential: boolean; createdAt: string; author: string | null }

/** The trajectory's notes, the confidential ones marked in words (not only a colour). */
export function NoteList({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return <p className="mt-2">Nog geen notities.</p>
  return (
    <ol className="mt-2 max-w-3xl space-y-3">
      {notes.map((n) => (
        <li key={n.id} className={n.confidential ? 'card border-amber-700' : 'card'}>
          <p className="text-sm text-slate-700">
            {formatDate(n.createdAt.slice(0, 10))}, {n.author ?? 'een afgesloten account'}
            {n.confidential ? ' — vertrouwelijk: blijft in je organisatie' : ' — wordt gedeeld en geëxporteerd'}
          </p>
          <p className="mt-1 whitespace-pre-line">{n.body}</p>
        </li>
      ))}
    </ol>
  )
}

/** A new note; whether it is confidential is asked every time, never assumed. */
export function NoteForm({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: 'note',
    lastResult,
    constraint: getZodConstraint(noteSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: noteSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 max-w-3xl">
      <ErrorSummary form={form} />
      <TextAreaField meta={fields.body} label="Notitie" rows={5} />
      <ChoiceGroup
        meta={fields.confidential}
        legend="Vertrouwelijk?"
        type="radio"
        choices={[
          { value: 'yes', label: 'Ja, vertrouwelijk', help: 'Alleen collega’s van je organisatie zien ze. Nooit gedeeld met VDAB, nooit in de export of de API.' },
          { value: 'no', label: 'Nee', help: 'Wie het traject mag lezen (ook een VDAB-team waarmee je het deelt) ziet ze, en ze staat in de export.' },
        ]}
      />
      <button type="submit" className="btn-primary">
        Notitie bewaren
      </button>
    </Form>
  )
}
