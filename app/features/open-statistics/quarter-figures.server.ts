import { brusselsDate } from '#domain/intake-working-days'
import { closedQuarters, type Quarter } from '#domain/quarters'
import type { PublishedTable } from '#domain/suppression'
import { suppressTogether } from '#domain/suppression-shared'
import type { Tx } from '#db/client'
import { listRegions } from '#db/queries/reference'
import { logger } from '#core/logger'
import { db } from '#app/utils/db.server'
import { openTableGroups, type OpenColumn } from './open-tables.server'

/**
 * All tables of one closed quarter, suppressed (ADR 0015) before anything leaves this module: the page, the CSV
 * and the JSON publish this and nothing else. A group the suppression cannot protect is "not published" with the
 * reason; the other tables are published all the same.
 */
export const PUBLISHED_QUARTERS = 4

export const publishedQuarters = (today = brusselsDate()) => closedQuarters(today, PUBLISHED_QUARTERS)

/** The published quarter the download's `kwartaal` parameter names; anything else (running, too old, no quarter) is a 400 with the choice. */
export function requestedQuarter(request: Request): Quarter {
  const asked = new URL(request.url).searchParams.get('kwartaal')
  const quarters = publishedQuarters()
  const quarter = quarters.find((q) => q.quarter === asked)
  if (quarter) return quarter
  const known = quarters.map((q) => q.quarter).join(', ')
  throw plainText(`kwartaal: kies een afgesloten kwartaal dat we publiceren (${known}).`, 400)
}

export const plainText = (message: string, status: number) => new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

export type OpenRow = { key: string; label: string }

export type OpenTable = { id: string; title: string; description: string; columns: readonly OpenColumn[]; rows: OpenRow[] } & (
  | { status: 'published'; table: PublishedTable }
  | { status: 'not_published'; reason: string }
)

export const NOT_PUBLISHED_REASON =
  'Deze tabel is voor dit kwartaal niet gepubliceerd: geen afscherming kon elk aantal onder 5 beschermen, dus tonen we geen enkel cijfer ervan.'

export function quarterFigures(quarter: Quarter): Promise<OpenTable[]> {
  // One snapshot: the two tables of a group must count the same records (an erasure between them would differ).
  return db().transaction((tx) => figuresIn(tx, quarter), { isolationLevel: 'repeatable read', accessMode: 'read only' })
}

async function figuresIn(tx: Tx, quarter: Quarter): Promise<OpenTable[]> {
  const regions = await listRegions(tx)
  const rows = regions.map((region) => ({ key: region.code, label: region.name }))
  const groups = await Promise.all(
    openTableGroups.map(async (specs) => {
      const counted = await Promise.all(specs.map((spec) => spec.count(tx, quarter)))
      const counts = counted.map((found, index) =>
        regions.map((region) => specs[index]!.columns.map((column) => found.find((r) => r.regionCode === region.code && r.key === column.key)?.count ?? 0)),
      )
      const about = (index: number) => ({ id: specs[index]!.id, title: specs[index]!.title, description: specs[index]!.description, columns: specs[index]!.columns, rows })
      try {
        return suppressTogether(counts).map((table, index): OpenTable => ({ ...about(index), status: 'published', table }))
      } catch (error) {
        // Never a 500 and never an unprotected figure: the table says it is not published, the log says why.
        logger().warn({ err: error, tables: specs.map((spec) => spec.id), quarter: quarter.quarter }, 'open figures: table not published')
        return specs.map((_, index): OpenTable => ({ ...about(index), status: 'not_published', reason: NOT_PUBLISHED_REASON }))
      }
    }),
  )
  return groups.flat()
}
