import type { ReactNode } from 'react'

/** A short list of labelled facts ("Status: In contact"), as a description list. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return (
    <dl className="mt-3 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
