import type { Tx } from '#db/client'
import type { Slice } from './stat-table'

/**
 * One query shared by the tables of a section that count from the same rows: the dashboard hands every table the
 * same slice objects for a page, so the query runs once per column instead of once per table (the page's p95 budget
 * is 300 ms). A new page brings new slices, and an entry goes when its slice does.
 */
export function sharedPerSlice<T>(compute: (tx: Tx, slice: Slice) => Promise<T>): (tx: Tx, slice: Slice) => Promise<T> {
  const perSlice = new WeakMap<Slice, Promise<T>>()
  return (tx, slice) => {
    const known = perSlice.get(slice)
    if (known) return known
    // Promise.resolve: a drizzle query is a thenable that runs again on every await; this runs it once.
    const pending = Promise.resolve(compute(tx, slice))
    perSlice.set(slice, pending)
    return pending
  }
}
