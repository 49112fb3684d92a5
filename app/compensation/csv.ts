/**
 * CSV the way Belgian spreadsheets open it by default: semicolons between fields, a byte-order mark so Excel
 * reads UTF-8 (é, ë), amounts with a decimal comma. Fields are always quoted, with quotes doubled.
 */
const field = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(field).join(';')).join('\r\n')}\r\n`
}

/** Cents as a plain amount with a decimal comma ("1234,50"): a number a spreadsheet can add up. */
export const centsForCsv = (cents: number) => (cents / 100).toFixed(2).replace('.', ',')

/**
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or carriage return) as a formula, and exports hold
 * text that others typed (reasons, file names, organisation names): such cells get a leading apostrophe (OWASP's advice).
 */
export const defuseFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

export function csvResponse(csv: string, filename: string) {
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` },
  })
}
