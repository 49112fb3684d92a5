import type { Queryable } from './sql'

export type Column = { name: string; type: string; generated: boolean }
export type Table = { schema: string; name: string; partitioned: boolean; columns: Column[] }
export type Structure = {
  /** Every table whose rows are backed up: plain tables and partitioned parents. */
  tables: Table[]
  /** Partitions (pg-boss keeps one per queue): their rows belong to the parent, but they must exist to load it. */
  partitions: { schema: string; name: string; parent: string }[]
  sequences: { schema: string; name: string }[]
}

type Row = { schema: string; name: string; kind: string; parent: string | null; columns: string }

/**
 * The tables and sequences of every schema except PostgreSQL's own, so a schema added later (by a migration or
 * by pg-boss) is backed up without anyone remembering to list it. Objects that belong to an extension are left
 * out: the extension creates them again. Read inside the backup's snapshot, so they match its data.
 */
export async function readStructure(sql: Queryable): Promise<Structure> {
  const rows = (await sql.unsafe(`
    select n.nspname as schema, c.relname as name, c.relkind::text as kind,
      (select format('%I.%I', pn.nspname, p.relname) from pg_inherits i
         join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
       where i.inhrelid = c.oid and c.relispartition) as parent,
      coalesce((select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                                  'generated', a.attgenerated <> '') order by a.attnum)
                from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '[]')::text as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'S') and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    order by n.nspname, c.relname`)) as unknown as Row[]
  const structure: Structure = { tables: [], partitions: [], sequences: [] }
  for (const row of rows) {
    if (row.kind === 'S') structure.sequences.push({ schema: row.schema, name: row.name })
    else if (row.parent) structure.partitions.push({ schema: row.schema, name: row.name, parent: row.parent })
    else structure.tables.push({ schema: row.schema, name: row.name, partitioned: row.kind === 'p', columns: JSON.parse(row.columns) as Column[] })
  }
  return structure
}

/**
 * The first way in which two structures differ, in words, or undefined when they are the same. Column order is
 * ignored: rows are read and written by column name, and a schema that was upgraded step by step (pg-boss) may
 * order its columns differently from a fresh one.
 */
export function structureDifference(backup: Structure, here: Structure): string | undefined {
  const describe = (s: Structure) =>
    new Map<string, string>([
      ...s.tables.map((t) => [
        `table ${t.schema}.${t.name}`,
        JSON.stringify([t.partitioned, [...t.columns].sort((a, b) => a.name.localeCompare(b.name))]),
      ] as const),
      ...s.partitions.map((p) => [`partition ${p.schema}.${p.name}`, p.parent] as const),
      ...s.sequences.map((q) => [`sequence ${q.schema}.${q.name}`, ''] as const),
    ])
  const theirs = describe(backup)
  const ours = describe(here)
  for (const [key, value] of theirs) {
    if (!ours.has(key)) return `${key} is in the backup but not in this version`
    if (ours.get(key) !== value) return `${key} has other columns in the backup`
  }
  for (const key of ours.keys()) if (!theirs.has(key)) return `${key} is in this version but not in the backup`
  return undefined
}
