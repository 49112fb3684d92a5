import { describe, expect, it } from 'vitest'
import { type Structure, structureDifference } from '#db/backup/catalog'
import { BackupError } from '#db/backup/errors'
import { assertSameVersions } from '#db/backup/versions'

/** When a backup may be restored by this code (ADR 0010): same migrations, same job queue schema, same tables. */
const versions = {
  migrations: [
    { createdAt: 1, hash: 'a' },
    { createdAt: 2, hash: 'b' },
  ],
  jobQueueSchema: 24,
}

const refusal = (run: () => void) => {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError)
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

describe('assertSameVersions', () => {
  it('accepts the same migrations and job queue schema', () => {
    expect(() => assertSameVersions(versions, structuredClone(versions))).not.toThrow()
  })

  it.each([
    ['an older backup', { ...versions, migrations: versions.migrations.slice(0, 1) }, /\(the backup has 1 migrations applied, this version 2\)/],
    ['a newer backup', { ...versions, migrations: [...versions.migrations, { createdAt: 3, hash: 'c' }] }, /\(the backup has 3 migrations applied, this version 2\)/],
    ['a migration edited after it was applied', { ...versions, migrations: [versions.migrations[0]!, { createdAt: 2, hash: 'other' }] }, /\(migration 2 differs\)/],
    ['another pg-boss schema', { ...versions, jobQueueSchema: 23 }, /another job queue schema \(pg-boss schema 23 in the backup, 24 here\)/],
  ])('refuses %s, saying which version restores it', (_case, backup, detail) => {
    const message = refusal(() => assertSameVersions(backup, versions))
    expect(message).toMatch(detail)
    expect(message).toMatch(/: restore with the Stapsteen version that made the backup, then start the newer one\.$/)
  })
})

describe('structureDifference', () => {
  const structure: Structure = {
    tables: [
      {
        schema: 'public',
        name: 'audit_log',
        partitioned: false,
        columns: [
          { name: 'id', type: 'bigint', generated: false },
          { name: 'action', type: 'text', generated: false },
        ],
      },
      { schema: 'pgboss', name: 'job', partitioned: true, columns: [{ name: 'name', type: 'text', generated: false }] },
    ],
    partitions: [{ schema: 'pgboss', name: 'j1', parent: 'pgboss.job' }],
    sequences: [{ schema: 'public', name: 'audit_log_id_seq' }],
  }

  it('finds none in the same structure, whatever the order of the columns', () => {
    const reordered = structuredClone(structure)
    reordered.tables[0]!.columns.reverse()
    expect(structureDifference(structure, reordered)).toBeUndefined()
  })

  it('names the first table, column, partition or sequence that differs', () => {
    const change = (edit: (s: Structure) => void) => {
      const here = structuredClone(structure)
      edit(here)
      return structureDifference(structure, here)
    }
    expect(change((s) => s.tables.splice(0, 1))).toBe('table public.audit_log is in the backup but not in this version')
    expect(change((s) => s.tables[0]!.columns.push({ name: 'at', type: 'timestamp with time zone', generated: false }))).toBe(
      'table public.audit_log has other columns in the backup',
    )
    expect(change((s) => (s.tables[0]!.columns[0]!.type = 'integer'))).toBe('table public.audit_log has other columns in the backup')
    // A queue (pg-boss partition) this version does not create: its jobs would have nowhere to go.
    expect(change((s) => (s.partitions[0]!.name = 'j2'))).toBe('partition pgboss.j1 is in the backup but not in this version')
    expect(change((s) => s.sequences.push({ schema: 'drizzle', name: 'x_seq' }))).toBe('sequence drizzle.x_seq is in this version but not in the backup')
  })
})
