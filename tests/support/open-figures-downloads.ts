import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { PublishedCell } from '#domain/suppression'
import { loader as csvLoader } from '#app/routes/cijfers[.csv]'
import { loader as jsonLoader } from '#app/routes/cijfers[.json]'
import { loader as pageLoader } from '#app/routes/cijfers'

/** Everything /cijfers publishes for one quarter, fetched through the routes as a reader would: page, JSON, every CSV. */
export type OpenJsonTable = {
  id: string
  title: string
  status: 'published' | 'not_published'
  columns: { key: string; label: string }[]
  rows?: { key: string; label: string; cells: PublishedCell[]; total: PublishedCell }[]
  columnTotals?: PublishedCell[]
  total?: PublishedCell
  reason?: string
}
export type PageTable = { id: string; title: string; status: string; header?: string[]; rows?: (string | number)[][]; reason?: string }

const context = { requestId: 'test', clientIp: '127.0.0.1' }
const get = (url: string) => ({ request: new Request(`http://localhost:3000${url}`), params: {}, context })

export async function openDownloads(quarter: string) {
  const page = (await (await pageLoader(get(`/cijfers?kwartaal=${quarter}`))).json()) as { tables: PageTable[] }
  const json = (await (await jsonLoader(get(`/cijfers.json?kwartaal=${quarter}`))).json()) as { tables: OpenJsonTable[] }
  const csvs = new Map<string, string[][]>()
  for (const table of json.tables.filter((t) => t.status === 'published')) {
    const text = await (await csvLoader(get(`/cijfers.csv?kwartaal=${quarter}&tabel=${table.id}`))).text()
    csvs.set(table.id, parse(text, { delimiter: ';', bom: true }) as string[][])
  }
  return { page, json, csvs }
}

const schema = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/schemas/open-data.schema.json'), 'utf8')) as object
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
/** docs/schemas/open-data.schema.json, compiled once. */
export const validateOpenJson = ajv.compile(schema)
