import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { requireClient } from '#app/features/clients/client-editor.server'
import { NoteForm, NoteList } from '#app/features/trajectories/note-form'
import { loadNotesPage, saveNote } from '#app/features/trajectories/sharing.server'
import { parseWithZod } from '#app/utils/parse-form'
import { withToast } from '#app/utils/toast.server'
import { noteSchema } from '#domain/trajectory-sharing-forms'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  return json(await loadNotesPage(user, params.clientId))
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const client = await requireClient(user, params.clientId, 'edit')
  const submission = parseWithZod(await request.formData(), { schema: noteSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await saveNote(user, client.id, submission.value)
  if (outcome.kind === 'not-found') throw new Response('Deze cliënt heeft geen traject.', { status: 404 })
  throw redirect(`/begeleider/clienten/${client.id}/traject/notities`, await withToast({ kind: 'success', message: 'De notitie is bewaard.' }))
}

export default function NotesPage() {
  const { client, notes } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  return (
    <>
      <p>
        <Link to={`/begeleider/clienten/${client.id}/traject`}>← Terug naar het traject</Link>
      </p>
      <h1 className="mt-2">Notities bij het traject van {client.displayName}</h1>
      <NoteList notes={notes} />
      <section aria-labelledby="new-note-title" className="mt-8">
        <h2 id="new-note-title">Nieuwe notitie</h2>
        <NoteForm lastResult={lastResult} />
      </section>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Notities bij het traject van ${data?.client.displayName ?? 'cliënt'} – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
