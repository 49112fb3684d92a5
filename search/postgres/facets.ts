import { and, or, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { searchDocuments as d } from '#db/schema'
import type { SearchPlan } from '#search/plan'
import type { FacetCounts } from '#search/port'
import { facetColumns, filterConditions, type Strategy, textArray, wordMatch } from './query'

/**
 * Facet counts over the whole result (every tier, every filter applied), only when the query asks for them: they
 * read every candidate, which the page itself never does. One GROUP BY per facet in one statement.
 */
export async function facets(tx: Tx, plan: SearchPlan, strategy: Strategy): Promise<FacetCounts> {
  if (plan.facets.length === 0) return {}
  const occupations = plan.same.length > 0 ? sql`${d.iscoGroup} = any(${textArray(plan.relatedGroups)})` : undefined
  const words = plan.terms.length > 0 ? wordMatch(plan, strategy, true) : undefined
  const candidates = and(...filterConditions(plan), plan.includeAll ? undefined : or(occupations, words)) ?? sql`true`
  const parts = plan.facets.map((name) => {
    const { column, array } = facetColumns[name]
    return array
      ? sql`select ${name}::text as facet, value, count(*)::int as n from matched, unnest(${column}) as value group by value`
      : sql`select ${name}::text as facet, ${column} as value, count(*)::int as n from matched where ${column} is not null group by 2`
  })
  const rows = await tx.execute<{ facet: string; value: string; n: number }>(sql`
    with matched as (
      select region_code, municipality_nis, dutch_level, hours_per_week, instruments, employer_type, schedules, supports from ${d} where ${candidates}
    )
    ${sql.join(parts, sql` union all `)}`)
  const counts: FacetCounts = Object.fromEntries(plan.facets.map((name) => [name, {}]))
  for (const row of rows) counts[row.facet as keyof FacetCounts]![row.value] = row.n
  return counts
}
