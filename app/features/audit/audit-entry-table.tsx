import type { AuditRow } from './audit-summary'
import { ScrollTable } from '#app/components/scroll-table'

/** One row per log entry, newest first: when, who, what, and the details in one readable line. */
export function AuditEntryTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  return (
    <ScrollTable
      id="audit-caption"
      className="mt-3"
      tableClass="align-top text-sm"
      caption={caption}
      headings={['Wanneer', 'Wie', 'Handeling', 'Onderwerp', 'Details']}
      headingClass="px-2 py-2 align-bottom"
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-b border-slate-200 align-top">
          <th scope="row" className="whitespace-nowrap px-2 py-2 font-normal">
            <time dateTime={row.at}>{row.when}</time>
          </th>
          <td className="px-2 py-2">
            {row.who}
            {row.whoOrganisation ? <span className="block text-slate-700">{row.whoOrganisation}</span> : null}
          </td>
          <td className="px-2 py-2">
            {row.actionLabel}
            <code className="block text-xs text-slate-700">{row.action}</code>
          </td>
          <td className="px-2 py-2">
            {row.subjectLabel}
            {row.subjectId ? <code className="block break-all text-xs text-slate-700">{row.subjectId}</code> : null}
          </td>
          <td className="px-2 py-2 break-words">{row.summary}</td>
        </tr>
      ))}
    </ScrollTable>
  )
}
