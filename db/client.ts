import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'

export type Database = PostgresJsDatabase<typeof schema>
/** A database handle or an open transaction: query functions accept either, so callers can compose them. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0] | Database

type Connection = { url: string; sql: postgres.Sql; db: Database }

// The server (run by tsx) and the Remix build are separate module graphs; globalThis gives them one pool.
const g = globalThis as { __stapsteenDb?: Connection }

export function connectDatabase(url: string, options: { max?: number } = {}): Database {
  if (g.__stapsteenDb) {
    if (g.__stapsteenDb.url === url) return g.__stapsteenDb.db
    throw new Error('A database connection is already open; close it before connecting to another.')
  }
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'stapsteen' },
  })
  g.__stapsteenDb = { url, sql, db: drizzle(sql, { schema }) }
  return g.__stapsteenDb.db
}

export function db(): Database {
  if (!g.__stapsteenDb) throw new Error('The database is not connected yet (connectDatabase was not called).')
  return g.__stapsteenDb.db
}

export function databaseUrl(): string {
  if (!g.__stapsteenDb) throw new Error('The database is not connected yet.')
  return g.__stapsteenDb.url
}

export async function closeDatabase() {
  const connection = g.__stapsteenDb
  g.__stapsteenDb = undefined
  await connection?.sql.end({ timeout: 5 })
}

export { schema }
