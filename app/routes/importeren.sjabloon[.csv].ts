import { csvTemplate } from '../../db/import/csv'

/** Public: the CSV template of the placement import (the header row with every column, nothing else). */
export function loader() {
  return new Response(csvTemplate(), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="stapsteen-plaatsen-sjabloon.csv"',
      'Cache-Control': 'public, max-age=3600',
    },
  })
}
