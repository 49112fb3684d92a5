import { stringify } from 'csv-stringify/sync'

/**
 * The one way the portal answers a CSV download: every export route goes through csvDownload
 * (tests/integration/csv-exports.test.ts fails for a CSV route that does not).
 *
 * The format is the one Belgian spreadsheets open by default: semicolons between fields, a byte-order mark so
 * Excel reads UTF-8 (é, ë), every field quoted, CRLF line ends.
 */
export type CsvCell = string | number
export type CsvTable = { header: readonly string[]; rows: readonly (readonly CsvCell[])[] }

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which it skips first) as a
 * formula, and exports hold text that others typed: a resident's name `=HYPERLINK(…)` would become a link in the
 * caseworker's spreadsheet. Such text gets a leading apostrophe (OWASP's advice), which shows it as typed.
 * Numbers stay numbers: a number the portal computed cannot carry a formula.
 */
export const FORMULA_START = /^[=+\-@\t\r]/
const defuseFormula = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text)

export const toCsv = ({ header, rows }: CsvTable): string =>
  stringify([header, ...rows], {
    bom: true,
    delimiter: ';',
    quoted: true,
    quoted_empty: true,
    record_delimiter: 'windows',
    cast: { string: defuseFormula },
  })

/**
 * The file as an attachment. The name is built from a route's filters; anything but letters, digits, dots and
 * dashes is replaced, so no value can break out of the header's quotes.
 */
export function csvDownload(table: CsvTable, filename: string, headers: Record<string, string> = {}) {
  const safeName = filename.replace(/[^\w.-]/g, '-')
  return new Response(toCsv(table), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${safeName}"`, ...headers },
  })
}
