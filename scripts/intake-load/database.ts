import postgres from 'postgres'
import { startEmbeddedPostgres } from '#db/embedded'

/**
 * What the load test checks in the database itself, not through the server: the intakes of this run (marked by
 * their last name) against the submissions the residents saw confirmed.
 */
export type RecordCheck = {
  /** Intakes of this run in the database. */
  records: number
  /** Confirmed submission keys with no intake, or with more than one. */
  lost: string[]
  duplicated: string[]
  /** Confirmed submissions whose intake has another reference than the confirmation page showed. */
  wrongReference: string[]
  /** Intakes of this run that no resident saw confirmed. */
  unconfirmed: number
  /** When each submission key's intake was committed. */
  committedAt: Map<string, Date>
}

/** The database behind the server: DATABASE_URL, or the embedded one of DATA_DIR (borrowed while the server runs). */
async function connect(where: { dataDir?: string; databaseUrl?: string }) {
  if (where.databaseUrl) return { url: where.databaseUrl, stop: async () => {} }
  if (!where.dataDir) throw new Error('--data-dir or --database-url is needed to check the database')
  return startEmbeddedPostgres({ dataDir: where.dataDir, kind: 'command' })
}

/** `confirmed`: submission key → the reference its confirmation page showed (undefined if that page never came). */
export async function checkRecords(where: { dataDir?: string; databaseUrl?: string }, lastName: string, confirmed: Map<string, string | undefined>) {
  const database = await connect(where)
  const sql = postgres(database.url, { max: 1, onnotice: () => {} })
  try {
    const rows = await sql<{ key: string; reference: string; createdAt: Date }[]>`
      select submission_key as key, reference, created_at as "createdAt" from intakes where last_name = ${lastName}`
    const found = new Map<string, string[]>()
    for (const { key, reference } of rows) found.set(key, [...(found.get(key) ?? []), reference])
    const committedAt = new Map(rows.map((row) => [row.key, row.createdAt]))
    const check: RecordCheck = { records: rows.length, lost: [], duplicated: [], wrongReference: [], unconfirmed: 0, committedAt }
    for (const [key, shown] of confirmed) {
      const references = found.get(key) ?? []
      if (references.length === 0) check.lost.push(key)
      if (references.length > 1) check.duplicated.push(key)
      if (shown !== undefined && references.length > 0 && !references.includes(shown)) check.wrongReference.push(key)
    }
    check.unconfirmed = [...found.keys()].filter((key) => !confirmed.has(key)).length
    return check
  } finally {
    await sql.end()
    await database.stop()
  }
}
