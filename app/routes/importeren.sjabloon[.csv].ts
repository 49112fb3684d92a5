import { csvDownload } from '#app/utils/csv.server'
import { csvColumns } from '#app/features/placement-import/csv'

/** Public: the CSV template of the placement import (the header row with every column, nothing else). */
export function loader() {
  return csvDownload({ header: csvColumns, rows: [] }, 'stapsteen-plaatsen-sjabloon.csv', { 'Cache-Control': 'public, max-age=3600' })
}
