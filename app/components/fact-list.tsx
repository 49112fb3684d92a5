import type { ReactNode } from 'react'
import { DetailList } from './detail-list'

/** A short list of labelled facts ("Status: In contact"), as a description list. */
export function FactList({ facts }: { facts: [string, ReactNode][] }) {
  return <DetailList details={facts} className="mt-3 max-w-3xl sm:grid-cols-[12rem_1fr]" />
}
