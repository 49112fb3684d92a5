import { Form, Link } from '@remix-run/react'
import { ScrollTable } from '#app/components/scroll-table'
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
    // In the shared ScrollTable: five columns do not fit a 390 px phone; the table scrolls, the page does not.
    <ScrollTable
      id="saved-searches-caption"
      className="mt-6"
      caption="Je bewaarde zoekopdrachten"
      headings={['Naam', 'Zoekt op', 'Bewaard op', 'E-mail bij nieuwe plaatsen', 'Verwijderen']}
    >
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
    </ScrollTable>
  )
}
