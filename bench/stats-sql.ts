import { sql } from 'drizzle-orm'
import type { Tx } from '#db/client'

/**
 * Small pieces of SQL text for the dashboard benchmark's data generator (bench/stats-data.ts). The generator writes
 * set-based statements (one INSERT … SELECT over generate_series per table), so a choice between enumerated values
 * is a CASE over a random column of the row, not a JavaScript loop.
 */
export type Weights = readonly (readonly [string, number])[]

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`

/**
 * A CASE that picks a value by weight from `random` (a column holding a number in [0, 1), drawn once per row):
 * `weighted('r', [['a', 3], ['b', 1]], 'x')` gives `(case when r < 0.75 then 'a' else 'b' end)::x`.
 */
export function weighted(random: string, options: Weights, cast?: string): string {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0)
  if (options.length === 0 || total <= 0) throw new Error('weighted: give at least one option with a positive weight')
  let bound = 0
  const branches = options.slice(0, -1).map(([value, weight]) => {
    bound += weight / total
    return `when ${random} < ${bound.toFixed(6)} then ${quote(value)}`
  })
  const last = quote(options.at(-1)![0])
  const text = branches.length === 0 ? last : `case ${branches.join(' ')} else ${last} end`
  return cast ? `(${text})::${cast}` : `(${text})`
}

/** An index from 1 to `count` drawn from `random` ([0, 1)): the way rows pick a row of a numbered pick table. */
export const pickIndex = (random: string, count: number) => `(1 + floor(${random} * ${Math.max(1, count)}))::int`

/** Runs one generated statement (text only: every value in it is a number or a quoted enumerated value of ours). */
export async function run(tx: Tx, text: string) {
  await tx.execute(sql.raw(text))
}

/** The number of rows of a table or temporary table. */
export async function countRows(tx: Tx, table: string): Promise<number> {
  const rows = await tx.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`))
  return Number(rows[0]!.n)
}
