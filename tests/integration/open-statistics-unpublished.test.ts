import { describe, expect, it, vi } from 'vitest'
import { logger } from '#core/logger'
import { loader as csvLoader } from '#app/routes/cijfers[.csv]'
import { NOT_PUBLISHED_REASON, publishedQuarters } from '#app/features/open-statistics/quarter-figures.server'
import { openDownloads, validateOpenJson } from '#tests/support/open-figures-downloads'

/**
 * When the suppression cannot protect a table it throws rather than publish (domain/suppression.ts). /cijfers
 * must then say "not published" for that table, with the reason, and still publish the others: never a 500.
 * The suppression is made to fail here for the two intake tables (suppressed together), as no real 15-region
 * table is known to make it fail.
 */
vi.mock('#domain/suppression-shared', async (importOriginal) => {
  const original = await importOriginal<typeof import('#domain/suppression-shared')>()
  return {
    ...original,
    suppressTogether: (tables: Parameters<typeof original.suppressTogether>[0]) => {
      if (tables.length === 2) throw new Error('No suppression hides every small count of these tables.')
      return original.suppressTogether(tables)
    },
  }
})

const [quarter] = publishedQuarters()
const context = { requestId: 'test', clientIp: '127.0.0.1' }
const csv = (table: string) =>
  csvLoader({ request: new Request(`http://localhost:3000/cijfers.csv?kwartaal=${quarter!.quarter}&tabel=${table}`), params: {}, context }).catch(
    (thrown: unknown) => thrown as Response,
  )

describe('a table the suppression cannot protect', () => {
  it('is "not published" with the reason on the page, in the JSON and as its CSV; the other tables are published', async () => {
    // The operator learns why from the log (and the test's output stays clean).
    const warn = vi.spyOn(logger(), 'warn').mockImplementation(() => {})
    const { page, json } = await openDownloads(quarter!.quarter)
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ tables: ['aanmeldingen-bestemming', 'aanmeldingen-instroom'], quarter: quarter!.quarter }), 'open figures: table not published')
    const statuses = (tables: { id: string; status: string }[]) => tables.map((t) => [t.id, t.status])
    const expected = [
      ['aanmeldingen-bestemming', 'not_published'],
      ['aanmeldingen-instroom', 'not_published'],
      ['warme-overdrachten', 'published'],
      ['werkplekken-werkgeverstype', 'published'],
      ['voorstellen-uitkomst', 'published'],
      ['trajecten-soort', 'published'],
    ]
    expect(statuses(page.tables)).toEqual(expected)
    expect(statuses(json.tables)).toEqual(expected)
    expect(page.tables[0]).toEqual({ id: 'aanmeldingen-bestemming', title: expect.any(String), description: expect.any(String), status: 'not_published', reason: NOT_PUBLISHED_REASON })
    expect(Object.keys(json.tables[0]!).sort()).toEqual(['columns', 'description', 'id', 'reason', 'status', 'title'])
    expect(validateOpenJson(json), JSON.stringify(validateOpenJson.errors)).toBe(true)

    const refused = await csv('aanmeldingen-bestemming')
    expect(refused.status).toBe(404)
    expect(await refused.text()).toBe(`Tabel aanmeldingen-bestemming, ${quarter!.quarter}: niet gepubliceerd. ${NOT_PUBLISHED_REASON}`)
    const served = await csv('warme-overdrachten')
    expect(served.status).toBe(200)
  })
})
