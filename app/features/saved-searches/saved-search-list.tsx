import { Form, Link } from '@remix-run/react'
import { formatDateTime } from '#app/utils/dates'

type Saved = { id: string; name: string; query: string; alert: boolean; createdAt: string; summary: string }

/** One small POST form per action; the button names the search for screen readers, the row shows it to the eye. */
function RowAction({ id, intent, label, name }: { id: string; intent: string; label: string; name: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="savedSearchId" value={id} />
      <button type="submit" name="intent" value={intent} className="btn-secondary">
        {label}
        <span className="sr-only"> voor "{name}"</span>
      </button>
    </Form>
  )
}

/** The user's saved searches: open (the search page with its address), e-mail on or off, delete. */
export function SavedSearchTable({ searches, problem }: { searches: Saved[]; problem: { savedSearchId: string; error: string } | undefined }) {
  return (
    <table className="mt-6 w-full border-collapse text-left">
      <caption className="sr-only">Je bewaarde zoekopdrachten</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">
            Naam
          </th>
          <th scope="col" className="py-2 pr-4">
            Zoekt op
          </th>
          <th scope="col" className="py-2 pr-4">
            Bewaard op
          </th>
          <th scope="col" className="py-2 pr-4">
            E-mail bij nieuwe plaatsen
          </th>
          <th scope="col" className="py-2">
            <span className="sr-only">Verwijderen</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {searches.map((search) => (
          <tr key={search.id} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-3 pr-4 font-normal">
              <Link to={`/begeleider/zoeken?${search.query}`}>{search.name}</Link>
            </th>
            <td className="py-3 pr-4">{search.summary}</td>
            <td className="py-3 pr-4">{formatDateTime(search.createdAt)}</td>
            <td className="py-3 pr-4">
              <p className="mb-2">{search.alert ? 'Aan' : 'Uit'}</p>
              <RowAction
                id={search.id}
                intent={search.alert ? 'alert-off' : 'alert-on'}
                label={search.alert ? 'Zet e-mails uit' : 'Zet e-mails aan'}
                name={search.name}
              />
              {problem?.savedSearchId === search.id ? (
                <p role="alert" className="field-error">
                  {problem.error}
                </p>
              ) : null}
            </td>
            <td className="py-3">
              <RowAction id={search.id} intent="delete" label="Verwijderen" name={search.name} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
