import { getInputProps } from '@conform-to/react'
import { noteSchema } from '#domain/triage-forms'
import type { IntakePageData } from './triage-page.server'
import { formatDateTime } from '#app/utils/dates'
import { TextAreaField } from '#app/components/conform-fields'
import { TriageActionForm, type TriageResult, useTriageForm } from './triage-form'

type Props = { page: IntakePageData<'full' | 'referral'>; organisation: string; lastResult: TriageResult }

/**
 * The notes, oldest first. The server sends only what the viewer may read: confidential notes of their own
 * OCMW on the intake page, none at all in a hand-over dossier. OCMW staff can mark a new note confidential.
 */
export function TriageNotes({ page, organisation, lastResult }: Props) {
  const dossier = page.access === 'referral'
  return (
    <section aria-labelledby="notes-title" className="mt-8 max-w-3xl">
      <h2 id="notes-title">{dossier ? 'Notities in het dossier' : 'Notities'}</h2>
      {page.notes.length === 0 ? <p className="mt-2">{dossier ? 'Er zijn geen notities meegestuurd.' : 'Nog geen notities.'}</p> : null}
      <ul className="mt-2 space-y-3">
        {page.notes.map((note) => (
          <li key={note.id} className="card">
            <p className="text-sm text-slate-700">
              {formatDateTime(note.createdAt)} – {[note.author, note.organisation].filter(Boolean).join(', ')}
              {note.confidential ? <strong className="ml-2 text-slate-900">Vertrouwelijk: alleen zichtbaar voor {note.organisation}</strong> : null}
            </p>
            <p className="mt-1 whitespace-pre-line">{note.body}</p>
          </li>
        ))}
      </ul>
      {/* Keyed by the last note: after saving one, the form starts empty again (also with JavaScript, where the page is not reloaded). */}
      {page.access === 'full' ? (
        <NoteForm key={page.notes.at(-1)?.id ?? 'none'} confidential={page.can.confidential} organisation={organisation} lastResult={lastResult} />
      ) : null}
    </section>
  )
}

function NoteForm({ confidential, organisation, lastResult }: { confidential: boolean; organisation: string; lastResult: TriageResult }) {
  const [form, fields] = useTriageForm('note', noteSchema, lastResult)
  const { key: _key, ...checkbox } = getInputProps(fields.confidential, { type: 'checkbox' })
  return (
    <TriageActionForm form={form} intent="note" submit="Notitie bewaren">
      <TextAreaField meta={fields.body} label="Nieuwe notitie" rows={4} />
      {confidential ? (
        <div className="mb-5 flex items-start gap-2">
          <input {...checkbox} className="mt-1 size-5 shrink-0" aria-describedby={`${fields.confidential.id}-help`} />
          <div>
            <label htmlFor={fields.confidential.id}>vertrouwelijk (alleen zichtbaar voor {organisation})</label>
            <p id={`${fields.confidential.id}-help`} className="text-sm text-slate-700">
              Andere organisaties, ook VDAB, zien ze nooit: niet hier, niet in een doorverwijzing, export of e-mail.
            </p>
          </div>
        </div>
      ) : null}
    </TriageActionForm>
  )
}
