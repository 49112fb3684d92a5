import { CsvError, parse } from 'csv-parse/sync'
import { z } from 'zod'
import { WHOLE_RECORD } from '#domain/import-record'
import { placementRecordSchema } from '#domain/placement-record'
import type { ParsedFile, RawRecord } from './parsed'

/**
 * CSV "with the same columns" as the JSON format: one column per field, nested fields flattened with a dot
 * (`employer.name`, `location.postcode`), lists in one cell separated by `|`. The columns are derived from the
 * record schema, so CSV, JSON and the schema cannot drift apart. Placements use it, and so do organisations
 * (`orgs:import`), each with its own schema: `csvFormat(shape)`.
 */
type Kind = 'text' | 'number' | 'list'

function unwrap(type: z.ZodTypeAny): z.ZodTypeAny {
  if (type instanceof z.ZodOptional || type instanceof z.ZodNullable || type instanceof z.ZodDefault) return unwrap(type._def.innerType)
  if (type instanceof z.ZodEffects) return unwrap(type._def.schema)
  return type
}

function columnsOf(shape: z.ZodRawShape, prefix = ''): [string, Kind][] {
  return Object.entries(shape).flatMap(([key, field]): [string, Kind][] => {
    const type = unwrap(field)
    if (type instanceof z.ZodObject) return columnsOf(type.shape as z.ZodRawShape, `${prefix}${key}.`)
    return [[`${prefix}${key}`, type instanceof z.ZodArray ? 'list' : type instanceof z.ZodNumber ? 'number' : 'text']]
  })
}

type Columns = Map<string, Kind>
const LIST_SEPARATOR = '|'

// A Flemish spreadsheet saves "32,5" with a decimal comma (and then separates columns with semicolons).
const NUMBER = /^[+-]?\d+([.,]\d+)?$/

function cellValue(kind: Kind, cell: string): unknown {
  if (kind === 'list') return cell.split(LIST_SEPARATOR).map((part) => part.trim()).filter((part) => part !== '')
  // Anything else stays text, so the schema reports "moet een getal zijn" with the cell as the user wrote it.
  if (kind === 'number' && NUMBER.test(cell)) return Number(cell.replace(',', '.'))
  return cell
}

/** { 'employer.name': 'X' } → { employer: { name: 'X' } }; an empty cell means the field is absent. */
function toRecord(columnKinds: Columns, header: string[], cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  header.forEach((column, index) => {
    const cell = cells[index]?.trim() ?? ''
    if (cell === '') return
    const path = column.split('.')
    const leaf = path.pop()!
    let target = record
    for (const part of path) target = (target[part] ??= {}) as Record<string, unknown>
    target[leaf] = cellValue(columnKinds.get(column)!, cell)
  })
  return record
}

const fileError = (line: number | null, reason: string): ParsedFile => ({ ok: false, line, reason })

function csvErrorReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'Op deze regel opent een aanhalingsteken (") dat nooit gesloten wordt: de rest van het bestand leest dan als één waarde.'
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'Een aanhalingsteken (") staat midden in een waarde. Zet de hele waarde tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").'
    default:
      return 'Deze regel kan niet als CSV gelezen worden.'
  }
}

type CsvRow = { record: string[]; info: { lines: number } }

function parseCsv(columnKinds: Columns, text: string): ParsedFile {
  // Spreadsheets set to Dutch separate columns with ";": the header tells which one this file uses.
  const headerLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = headerLine.includes(';') && !headerLine.includes(',') ? ';' : ','
  let rows: CsvRow[]
  let lastRecordEnd = 0
  try {
    rows = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      on_record: (record, context) => ((lastRecordEnd = context.lines), record),
    }) as unknown as CsvRow[]
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    // csv-parse names the line where it gave up, for an open quote the end of the file; the record it could
    // not finish starts right after the last good one.
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? lastRecordEnd + 1 : (error as CsvError & { lines?: number }).lines
    return fileError(line ?? null, csvErrorReason(error))
  }
  const [head, ...body] = rows
  if (!head) return { ok: true, format: 'csv', records: [] }
  const header = head.record.map((cell) => cell.trim())
  const unknown = header.filter((column) => !columnKinds.has(column))
  if (unknown.length > 0) {
    return fileError(head.info.lines, `Onbekende kolom ${unknown.map((c) => `"${c}"`).join(', ')}. Gebruik de kolomnamen van het sjabloon: ${[...columnKinds.keys()].join(', ')}.`)
  }
  const twice = header.find((column, index) => header.indexOf(column) !== index)
  if (twice) return fileError(head.info.lines, `De kolom "${twice}" staat twee keer in de kopregel.`)

  const records = body.map(({ record: cells, info }): RawRecord => {
    // info.lines is where the record ends; a quoted value can span lines, and the report names the first one.
    const line = info.lines - cells.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
    if (cells.length > header.length) {
      const reason = `Deze regel heeft ${cells.length} waarden, de kopregel maar ${header.length} kolommen. Zet waarden met "${delimiter}" erin tussen aanhalingstekens.`
      return { record: line, issue: { field: WHOLE_RECORD, reason } }
    }
    return { record: line, value: toRecord(columnKinds, header, cells) }
  })
  return { ok: true, format: 'csv', records }
}

export type CsvFormat = { columns: string[]; parse: (text: string) => ParsedFile }

/** The CSV reader of a record schema: its columns (in the schema's order) and a parser that knows them. */
export function csvFormat(shape: z.ZodRawShape): CsvFormat {
  const columnKinds: Columns = new Map(columnsOf(shape))
  return { columns: [...columnKinds.keys()], parse: (text) => parseCsv(columnKinds, text) }
}

export const placementCsv = csvFormat(placementRecordSchema.shape)
export const csvColumns = placementCsv.columns
