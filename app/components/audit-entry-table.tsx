import type { AuditRow } from './audit-summary'

/** One row per log entry, newest first: when, who, what, and the details in one readable line. */
export function AuditEntryTable({ rows, caption }: { rows: AuditRow[]; caption: string }) {
  return (
    <div className="mt-3 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-left align-top text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-400">
            {['Wanneer', 'Wie', 'Handeling', 'Onderwerp', 'Details'].map((heading) => (
              <th key={heading} scope="col" className="px-2 py-2 align-bottom">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  )
}
