import postgres from 'postgres'

/**
 * A row's text (and so its checksum, and the values in a backup file) depends on session settings: the time
 * zone for timestamptz, the date and interval styles, float precision, bytea's format. Backup, restore and
 * anyone checking a restore use these, so the same rows give the same text on every server and machine.
 */
export const SESSION_SETTINGS = {
  TimeZone: 'UTC',
  DateStyle: 'ISO, YMD',
  IntervalStyle: 'postgres',
  extra_float_digits: '1',
  bytea_output: 'hex',
} as const

/** One connection (a snapshot transaction needs exactly one) with the settings above. */
export function openConnection(url: string, applicationName: string) {
  return postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: applicationName, ...SESSION_SETTINGS },
  })
}

export type Connection = ReturnType<typeof openConnection>
/** A connection or an open transaction on it. */
export type Queryable = Pick<Connection, 'unsafe'>

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
export const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`

/**
 * The table's rows as the query reads them. A partitioned table is read through its parent (its partitions are
 * not backed up on their own); a plain table with `only`, so a child table is never counted twice.
 */
export const fromTable = (table: { schema: string; name: string; partitioned: boolean }) =>
  `${table.partitioned ? '' : 'only '}${qualified(table.schema, table.name)} t`

/**
 * Row count and an order-independent checksum of a table's rows: the sum of the first 64 bits of md5 of each
 * row's text, over the columns in the given order. A sum, not an xor, so two equal rows do not cancel out.
 * Numbers come back as text: a bigint sum of 64-bit values needs numeric.
 */
export async function countAndChecksum(sql: Queryable, table: { schema: string; name: string; partitioned: boolean; columns: { name: string }[] }) {
  const row = `row(${table.columns.map((c) => `t.${ident(c.name)}`).join(', ')})::text`
  const [result] = (await sql.unsafe(
    `select count(*)::text as rows, coalesce(sum(('x' || left(md5(${row}), 16))::bit(64)::bigint), 0)::text as checksum from ${fromTable(table)}`,
  )) as unknown as { rows: string; checksum: string }[]
  return { rows: Number(result!.rows), checksum: result!.checksum }
}
