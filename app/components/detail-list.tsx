import type { ReactNode } from 'react'

/**
 * Facts about one record as a description list: term and value side by side from a tablet on, stacked on a phone.
 * `className` sets the margin, width and the terms' column (`sm:grid-cols-[…]`).
 */
export function DetailList({ details, className = 'mt-4 sm:grid-cols-[max-content_1fr]' }: { details: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={`grid grid-cols-1 gap-x-6 gap-y-1 ${className}`}>
      {details.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold">{term}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
