/**
 * Reads an import file into raw records, each with its number in the report: the 1-based position for a JSON
 * array, the line number for NDJSON and CSV. What makes the whole file unreadable (a JSON syntax error, an
 * unclosed quote) is one error naming the line; what spoils one NDJSON line or CSV row is that record's error.
 */
import { WHOLE_RECORD } from '#domain/import-record'
import { type CsvFormat, placementCsv } from './csv'
import type { ImportFormat, ParsedFile, RawRecord } from './parsed'

/** What the records of a file are: their CSV columns, and their name in the messages ("plaats", "plaatsen"). */
export type RecordFormat = { csv: CsvFormat; singular: string; plural: string }
export const placementFile: RecordFormat = { csv: placementCsv, singular: 'plaats', plural: 'plaatsen' }

const extension = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()

/** By extension; an unknown one is sniffed. A JSON file holds an array, a single object or NDJSON lines. */
export function detectFormat(fileName: string, text: string): ImportFormat | 'not-json' {
  const first = text.trimStart().replace(/^\uFEFF/, '')[0]
  const ext = extension(fileName)
  if (ext === 'csv') return 'csv'
  if (first === '[') return 'json'
  if (first === '{') return 'ndjson'
  return ext === 'json' || ext === 'ndjson' || ext === 'jsonl' ? 'not-json' : 'csv'
}

/** Bytes as UTF-8, refusing anything else: a file saved as Windows-1252 would otherwise garble every "é". */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, reason: 'Het bestand is niet in UTF-8 opgeslagen. Bewaar het opnieuw als UTF-8 (in Excel: "CSV UTF-8").' }
  }
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length

/** V8 says "… in JSON at position 1234" (or "Unexpected end of JSON input"); a person needs the line. */
function jsonErrorLine(text: string, error: unknown): number | null {
  const message = error instanceof Error ? error.message : ''
  const position = /at position (\d+)/.exec(message)?.[1]
  if (position !== undefined) return lineAt(text, Number(position))
  return /end of JSON input/.test(message) ? lineAt(text, text.length) : null
}

const JSON_HINT = 'Het bestand is hier geen geldige JSON. Kijk komma\'s, aanhalingstekens en haakjes na rond deze plaats.'

function parseJsonArray(text: string, records: RecordFormat): ParsedFile {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, line: jsonErrorLine(text, error), reason: JSON_HINT }
  }
  if (!Array.isArray(value)) return { ok: false, line: 1, reason: `Een JSON-bestand is een lijst van ${records.plural} tussen [ en ].` }
  return { ok: true, format: 'json', records: value.map((item, index) => ({ record: index + 1, value: item })) }
}

function parseNdjson(text: string, format: RecordFormat): ParsedFile {
  // A single (pretty-printed) object is one record; otherwise every non-blank line is one.
  try {
    const single: unknown = JSON.parse(text)
    if (single !== null && typeof single === 'object' && !Array.isArray(single)) return { ok: true, format: 'ndjson', records: [{ record: 1, value: single }] }
  } catch {
    // Not one object: read it line by line below.
  }
  const records: RawRecord[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    try {
      records.push({ record: index + 1, value: JSON.parse(line) })
    } catch {
      const reason = `Deze regel is geen geldige JSON. In NDJSON staat elke ${format.singular} als één JSON-object op één regel.`
      records.push({ record: index + 1, issue: { field: WHOLE_RECORD, reason } })
    }
  })
  return { ok: true, format: 'ndjson', records }
}

export function parseImportFile(text: string, fileName: string, records: RecordFormat = placementFile): ParsedFile {
  const body = text.replace(/^\uFEFF/, '')
  if (body.trim() === '') return { ok: true, format: 'json', records: [] }
  const format = detectFormat(fileName, body)
  if (format === 'not-json') return { ok: false, line: 1, reason: `Dit bestand heet .json, maar begint niet met [ (een lijst) of { (een ${records.singular} per regel).` }
  if (format === 'csv') return records.csv.parse(body)
  return format === 'json' ? parseJsonArray(body, records) : parseNdjson(body, records)
}
