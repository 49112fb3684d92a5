import type { Quarter } from '#domain/quarters'
import { suppressedTableRows } from '#domain/suppressed-csv'
import type { OpenTable } from './quarter-figures.server'

/**
 * The published forms of one quarter's tables: the rows of the page and the CSV, and the JSON document
 * (docs/schemas/open-data.schema.json, explained in docs/open-data.md). Both start from the suppressed tables,
 * which hold no hidden figure.
 */
export const LICENCE = {
  name: 'Modellicentie Gratis Hergebruik v1.0',
  url: 'https://overheid.vlaanderen.be/sites/default/files/documenten/ict-egov/licenties/hergebruik/modellicentie_gratis_hergebruik_v1_0.html',
}

export const ROW_HEADING = 'Referentieregio'
export const TOTAL_LABEL = 'Totaal'

type Published = Extract<OpenTable, { status: 'published' }>

/** Header and rows as the page and the CSV show them: region names, counts, "< 5" and "x", totals last. */
export const tableRows = ({ table, rows, columns }: Published) =>
  suppressedTableRows(table, { corner: ROW_HEADING, rows: rows.map((row) => row.label), columns: columns.map((column) => column.label), total: TOTAL_LABEL })

export const attribution = (quarter: Quarter) => `Bron: Stapsteen, open cijfers, ${quarter.quarter}`

export function openDataJson(quarter: Quarter, tables: readonly OpenTable[]) {
  return {
    quarter: quarter.quarter,
    from: quarter.from,
    until: quarter.until,
    licence: LICENCE,
    attribution: attribution(quarter),
    tables: tables.map((open) => {
      const about = { id: open.id, title: open.title, description: open.description, columns: open.columns.map(({ key, label }) => ({ key, label })) }
      if (open.status === 'not_published') return { ...about, status: open.status, reason: open.reason }
      const { table } = open
      return {
        ...about,
        status: open.status,
        rows: open.rows.map((row, index) => ({ key: row.key, label: row.label, cells: table.cells[index]!, total: table.rowTotals[index]! })),
        columnTotals: table.columnTotals,
        total: table.total,
      }
    }),
  }
}
