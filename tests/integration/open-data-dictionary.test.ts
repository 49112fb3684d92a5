import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { publishedQuarters } from '#app/features/open-statistics/quarter-figures.server'
import { createIntake } from '#db/seed/factories'
import { db } from '#db/client'
import { openDownloads, validateOpenJson } from '#tests/support/open-figures-downloads'

/**
 * docs/open-data.md is the data dictionary of /cijfers: every table id and column the downloads carry is
 * explained there, and nothing is explained that the downloads do not carry. The dictionary is read from the
 * markdown as a reader sees it: a `### \`id\`: title` heading per table and a `| label | \`key\` | meaning |` row
 * per column; the columns every table shares are under "## Kolommen van elke tabel".
 */
const markdown = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/open-data.md'), 'utf8')
const COLUMN_ROW = /^\| ([^|]+?) \| `([a-z0-9_]+)` \| [^|]+ \|$/
const SHARED_ROW = /^\| ([^|]+?) \| `rows\[\]\.[^|]+ \| [^|]+ \|$/

function dictionary() {
  const tables = new Map<string, { title: string; columns: { key: string; label: string }[] }>()
  const shared: string[] = []
  let current: { title: string; columns: { key: string; label: string }[] } | null = null
  let inShared = false
  for (const line of markdown.split('\n')) {
    const heading = /^### `([a-z0-9-]+)`: (.+)$/.exec(line)
    if (heading) tables.set(heading[1]!, (current = { title: heading[2]!, columns: [] }))
    if (line.startsWith('## ')) [current, inShared] = [null, line === '## Kolommen van elke tabel']
    const column = COLUMN_ROW.exec(line)
    if (column && current) current.columns.push({ label: column[1]!, key: column[2]! })
    const common = SHARED_ROW.exec(line)
    if (common && inShared) shared.push(common[1]!)
  }
  return { tables, shared }
}

describe('the data dictionary (docs/open-data.md)', () => {
  it('explains every table and column of the JSON and of every CSV, and nothing else; the JSON validates against its schema', async () => {
    const [quarter] = publishedQuarters()
    // A few records, so that the tables are not all empty; the dictionary does not depend on them.
    for (let i = 0; i < 6; i++) await createIntake(db(), { createdAt: new Date(`${quarter!.from}T10:00:00Z`) })
    const { json, csvs } = await openDownloads(quarter!.quarter)
    expect(validateOpenJson(json), JSON.stringify(validateOpenJson.errors)).toBe(true)
    const { tables, shared } = dictionary()
    expect(shared).toEqual(['Referentieregio', 'Totaal'])
    expect(json.tables.map((t) => t.id)).toEqual([...tables.keys()])
    for (const table of json.tables) {
      const explained = tables.get(table.id)!
      expect(table.title, table.id).toBe(explained.title)
      expect(table.columns, table.id).toEqual(explained.columns)
      const csv = csvs.get(table.id)!
      expect(csv[0], table.id).toEqual([shared[0], ...explained.columns.map((c) => c.label), shared[1]])
      expect(csv.at(-1)![0]).toBe('Totaal')
      expect(csv.length).toBe(1 + 15 + 1)
    }
    expect([...csvs.keys()]).toEqual([...tables.keys()])
  })

  it('names the licence and explains "< 5" and "x"', () => {
    expect(markdown).toContain('[Modellicentie Gratis Hergebruik v1.0]')
    expect(markdown).toMatch(/^\| `< 5` \| Minder dan 5, \*\*0 inbegrepen\*\*/m)
    expect(markdown).toMatch(/^\| `x` \| Een aantal van 5 of meer, afgeschermd/m)
  })
})
