import type { FieldIssue } from '#domain/import-record'

/**
 * What reading an import file gives, whatever its format (app/features/placement-import/parse.ts reads JSON and NDJSON, csv.ts CSV):
 * raw records, each with its number in the report, or one error for a file that cannot be read at all.
 */
export type ImportFormat = 'json' | 'ndjson' | 'csv'
export type RawRecord = { record: number; value: unknown } | { record: number; issue: FieldIssue }
export type ParsedFile = { ok: true; format: ImportFormat; records: RawRecord[] } | { ok: false; line: number | null; reason: string }
