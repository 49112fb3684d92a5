import type { ReactNode } from 'react'

/**
 * A data table that scrolls sideways on a narrow screen instead of squeezing its columns. The scroll area is a
 * named region that takes keyboard focus, so it can be scrolled without a mouse (WCAG 2.1.1); the caption names
 * the table and says its order for screen readers. Rows come as children.
 */
export function ScrollTable({
  id,
  caption,
  headings,
  headingClass = 'py-2 pr-4',
  className = 'mt-2',
  tableClass = '',
  captionClass = 'sr-only',
  children,
}: {
  id: string
  caption: string
  headings: string[]
  headingClass?: string
  className?: string
  /** Added to the table's own classes (e.g. align-top, text-sm). */
  tableClass?: string
  /** A caption that sighted readers need too (e.g. the hours an estimate assumes) is shown with these classes. */
  captionClass?: string
  children: ReactNode
}) {
  return (
    // relative: the containing block of the .sr-only texts in the cells, which would else escape the scroll area
    // (absolutely positioned) and widen the whole page on a phone.
    <div className={`${className} relative overflow-x-auto`} role="region" aria-labelledby={id} tabIndex={0}>
      <table className={`w-full text-left ${tableClass}`}>
        <caption id={id} className={captionClass}>
          {caption}
        </caption>
        <thead>
          <tr className="border-b border-slate-400">
            {headings.map((heading) => (
              <th key={heading} scope="col" className={headingClass}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
