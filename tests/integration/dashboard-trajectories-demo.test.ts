import { count, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { brusselsDate } from '#domain/intake-working-days'
import { periodContaining } from '#domain/statistics-period'
import { db } from '#db/client'
import { removeDemoData } from '#db/demo/remove'
import { trajectories, users } from '#db/schema'
import { seedDemoIfEmpty } from '#db/seed/demo'
import { loader } from '#app/routes/admin+/cijfers.$sectie'
import { body, context, cookieFor, organisation, page, person } from './staff-support'

/**
 * The demo's trajectories (db/seed/trajectories.ts) give Regio Gent figures in every table of "Trajecten" for the
 * quarter the demo was made in, and `demo:remove` takes them away with the demo clients.
 */
type Table = { id: string; rows: { key: string; values: (number | null)[] }[] }

async function regionNow(cookie: string) {
  const data = await body<{ tables: Table[] }>(loader({ request: page(cookie, '/admin/cijfers/trajecten'), params: { sectie: 'trajecten' }, context }))
  // Only the rows with a figure in the region's column, key → value.
  return Object.fromEntries(data.tables.map((table) => [table.id, Object.fromEntries(table.rows.flatMap((row) => (row.values[0] ? [[row.key, row.values[0]]] : [])))]))
}

describe('the demo trajectories', () => {
  test('Regio Gent sees figures in every table this quarter; demo:remove deletes the trajectories with the clients', async () => {
    await db().transaction((tx) => seedDemoIfEmpty(tx))
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'regio.gent@demo.stapsteen.be'))
    const today = brusselsDate()
    // On a quarter's first day the evaluation held "this quarter" is held today, and a due day counts once it has passed.
    const evaluationPassed = today > periodContaining('kwartaal', today).from
    expect(await regionNow(await cookieFor(admin!.id))).toEqual({
      'trajecten-lopend-per-soort': { twe_art60: 4, twe_wz: 1 },
      'trajecten-evaluaties-vervallen': evaluationPassed ? { on_time: 1 } : {},
      'trajecten-evaluaties-op-tijd': evaluationPassed ? { twe_art60: 100, all: 100 } : {},
      'trajecten-schorsingen-per-reden': { illness: 1 },
      'trajecten-stopzettingen-per-reden': { job_found: 1 },
      'trajecten-opleidingsaanvragen': { approved: 1, refused: 1 },
      'trajecten-opleidingen-geweigerd': { dutch_level_too_low: 1 },
      'trajecten-uitstroom-na-3-maanden': { training: 1, not_recorded: 1 },
    })

    await db().transaction((tx) => removeDemoData(tx))
    expect(await db().select({ n: count() }).from(trajectories)).toEqual([{ n: 0 }])
    const platform = await organisation('stapsteen')
    const cookie = await cookieFor((await person(platform.id, 'regional_admin', { regions: ['REFREG13'] })).id)
    expect(Object.values(await regionNow(cookie))).toEqual(Array(8).fill({}))
  })
})
