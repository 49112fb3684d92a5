import { eq, inArray, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { action, loader } from '#app/routes/api+/v1.placements.changes'
import { db } from '#db/client'
import { pruneChanges } from '#db/queries/placement-changes'
import { createPlacement, setPlacementStatus, updatePlacement } from '#db/queries/placements'
import type { Tx } from '#db/client'
import { placementChanges, placements } from '#db/schema'
import { createEmployer, createUser } from '#db/seed/factories'
import type { PlacementInput } from '#domain/placement-form'
import { logger } from '#core/logger'
import { bakerUri, BASE_URL, caseworker, sessionUser, withJobQueue } from '#tests/support/caseworker-fixtures'
import { apiToken } from '#tests/support/trajectory-sharing'

/**
 * GET /api/v1/placements/changes: a reader that resumes from each cursor sees every change of a public placement
 * exactly once and in order, also while writers run in parallel and some transactions stay open longer; drafts
 * never appear, a delete is a tombstone, bad input is a 400 that names the parameter.
 */
withJobQueue()
beforeAll(() => void vi.spyOn(logger(), 'info').mockImplementation(() => undefined))

type Change = { kind: 'upsert' | 'remove'; at: string; placement: { id: string; removed?: true; title?: string } }
type Page = { changes: Change[]; nextCursor: string }

async function call(token: string | undefined, query: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const request = new Request(`${BASE_URL}/api/v1/placements/changes${query}`, { headers })
  const response = await loader({ request, params: {}, context: { requestId: 'test', clientIp: '127.0.0.1' } })
  return { status: response.status, body: (await response.json()) as any }
}

async function page(token: string, cursor: string | undefined, limit: number): Promise<Page> {
  const { status, body } = await call(token, `?limit=${limit}${cursor ? `&after=${cursor}` : ''}`)
  expect(status).toBe(200)
  return body
}

/**
 * Waits until every transaction that wrote a change so far has ended (in the whole cluster, so other test files'
 * transactions count too): only then must the feed show all of them.
 */
async function settled() {
  for (;;) {
    const [row] = await db().execute<{ done: boolean }>(sql`SELECT coalesce(max(xid) < pg_snapshot_xmin(pg_current_snapshot()), true) AS done FROM placement_changes`)
    if (row!.done) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Once the writers are done, reads page after page until nothing new comes: the changes seen and the cursor to resume from. */
async function drain(token: string, cursor: string | undefined, limit = 2) {
  await settled()
  const seen: Change[] = []
  for (;;) {
    const next = await page(token, cursor, limit)
    seen.push(...next.changes)
    cursor = next.nextCursor
    if (next.changes.length === 0) return { seen, cursor }
  }
}

async function employer() {
  const { organisation, sites } = await createEmployer(db(), { name: `Bakkerij ${crypto.randomUUID().slice(0, 6)}` })
  const user = await createUser(db(), { organisationId: organisation.id, role: 'employer' })
  const baker = await bakerUri()
  const actor = { organisationId: organisation.id, actorUserId: user.id }
  const input = (title: string): PlacementInput => ({
    title, occupationUri: baker, description: 'Deeg afwegen en ovens laden.', tasks: [], competences: [], siteId: sites[0]!.id,
    hoursPerWeek: 19, schedule: ['day'], startDate: null, places: 2, fullUntil: null, dutchLevel: 'A2', support: [], instruments: ['TWE_ART60'],
  })
  return {
    create: async (tx: Tx, title: string, publish = true) => {
      const id = await createPlacement(tx, actor, input(title))
      if (publish) await setPlacementStatus(tx, actor, id, 'published')
      return id
    },
    rename: (tx: Tx, id: string, title: string) => updatePlacement(tx, actor, id, input(title)),
    status: (tx: Tx, id: string, to: 'published' | 'paused' | 'closed') => setPlacementStatus(tx, actor, id, to),
    remove: deletePlacement,
  }
}

/** As removing the demo data deletes a placement (the only delete path): past the append-only history for a moment. */
async function deletePlacement(tx: Tx, id: string) {
  await tx.execute(sql`ALTER TABLE placement_events DISABLE TRIGGER placement_events_append_only`)
  await tx.delete(placements).where(eq(placements.id, id))
  await tx.execute(sql`ALTER TABLE placement_events ENABLE TRIGGER placement_events_append_only`)
}

/** A transaction that does its writes, then stays open until released: `written` resolves once the writes are in. */
function heldTransaction(work: (tx: Tx) => Promise<unknown>) {
  let release!: () => void
  let written!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const wrote = new Promise<void>((resolve) => (written = resolve))
  const done = db().transaction(async (tx) => {
    await work(tx)
    written()
    await gate
  })
  return { wrote, release: () => (release(), done) }
}

const summary = (changes: Change[]) => changes.map((c) => `${c.kind} ${c.placement.id}`)

/** Every change the trigger recorded, in the feed's order: what a reader must have seen. */
async function recorded() {
  const rows = await db().select({ kind: placementChanges.kind, id: placementChanges.placementId }).from(placementChanges).orderBy(placementChanges.xid, placementChanges.seq)
  return rows.map((r) => `${r.kind} ${r.id}`)
}

describe('the placement change feed', () => {
  it('gives a transaction that commits late its changes after the cursor, never skipping or repeating one', async () => {
    const token = await apiToken(await caseworker())
    const bakery = await employer()
    const [kept, paused] = await db().transaction(async (tx) => [await bakery.create(tx, 'Blijft'), await bakery.create(tx, 'Wordt gepauzeerd')])
    const draft = await db().transaction((tx) => bakery.create(tx, 'Ontwerp', false))
    const start = await drain(token, undefined)
    expect(summary(start.seen)).toEqual([`upsert ${kept}`, `upsert ${paused}`])

    // A changes `kept` and stays open; B, C and D commit meanwhile (B and C after A got its transaction id).
    const a = heldTransaction((tx) => bakery.rename(tx, kept!, 'Blijft, nieuwe titel'))
    await a.wrote
    const added = await db().transaction((tx) => bakery.create(tx, 'Nieuw'))
    await db().transaction((tx) => bakery.status(tx, paused!, 'paused'))
    await db().transaction((tx) => bakery.rename(tx, draft, 'Ontwerp, nieuwe titel'))
    // While A is open nothing after it may be handed out: a later cursor would skip A's change.
    const waiting = await page(token, start.cursor, 10)
    expect(waiting).toEqual({ changes: [], nextCursor: start.cursor })

    // E deletes the new placement and stays open while A commits.
    const e = heldTransaction((tx) => bakery.remove(tx, added))
    await e.wrote
    await a.release()
    const afterA = await drain(token, start.cursor)
    // E has not committed: the new placement is still public, so its upsert carries it.
    expect(summary(afterA.seen)).toEqual([`upsert ${kept}`, `upsert ${added}`, `remove ${paused}`])
    expect(afterA.seen[0]!.placement).toEqual({ id: kept, externalId: null, title: 'Blijft, nieuwe titel', occupation: await bakerUri(), municipalityNis: expect.stringMatching(/^\d{5}$/) })
    expect(afterA.seen[2]!.placement).toEqual({ id: paused, removed: true })

    await e.release()
    const afterE = await drain(token, afterA.cursor)
    expect(afterE.seen).toEqual([{ kind: 'remove', at: expect.any(String), placement: { id: added, removed: true } }])
    const everything = [...start.seen, ...afterA.seen, ...afterE.seen]
    expect(summary(everything)).toEqual(await recorded())
    expect(summary(everything).join()).not.toContain(draft)
  })

  it('lets a reader that resumes from each cursor see every change of parallel writers exactly once, in order', async () => {
    const token = await apiToken(await caseworker())
    const bakery = await employer()
    const before = await drain(token, undefined)
    const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 15))
    // Each writer: create and publish, rename (sometimes held open), then pause, close or delete.
    const endings = ['paused', 'closed', 'delete', 'kept'] as const
    const writer = async (n: number) => {
      const id = await db().transaction((tx) => bakery.create(tx, `Plaats ${n}`))
      await pause()
      await db().transaction(async (tx) => {
        await bakery.rename(tx, id, `Plaats ${n}, herwerkt`)
        await pause()
      })
      const ending = endings[n % endings.length]!
      await db().transaction(async (tx) => {
        if (ending === 'delete') await bakery.remove(tx, id)
        else if (ending !== 'kept') await bakery.status(tx, id, ending)
        await pause()
      })
      return { id, expected: ['upsert', 'upsert', ...(ending === 'kept' ? [] : ['remove'])] }
    }
    let writing = true
    const seen: Change[] = []
    let cursor = before.cursor
    const reader = (async () => {
      while (writing) {
        const next = await page(token, cursor, 3)
        seen.push(...next.changes)
        cursor = next.nextCursor
      }
    })()
    const writers = await Promise.all(Array.from({ length: 8 }, (_, n) => writer(n)))
    writing = false
    await reader
    seen.push(...(await drain(token, cursor, 3)).seen)

    expect(summary(seen)).toEqual((await recorded()).slice(before.seen.length))
    for (const { id, expected } of writers) {
      expect(seen.filter((c) => c.placement.id === id).map((c) => c.kind)).toEqual(expected)
    }
    expect(seen).toHaveLength(8 * 2 + 6)
  })

  it('names the wrong parameter in a 400, and answers 401 without a token and 405 to another method', async () => {
    const token = await apiToken(await caseworker())
    const bad = async (query: string) => (await call(token, query)).body.error.fields
    expect((await call(token, '?after=bm9wZQ')).status).toBe(400)
    expect(Object.keys(await bad('?after=bm9wZQ'))).toEqual(['after'])
    expect(Object.keys(await bad('?after=%2B%2B%2B'))).toEqual(['after'])
    expect(Object.keys(await bad(`?after=${Buffer.from('c1.99999999999999999999999.1').toString('base64url')}`))).toEqual(['after'])
    for (const limit of ['0', '501', 'x', '1.5', '-1']) expect(Object.keys(await bad(`?limit=${limit}`))).toEqual(['limit'])
    expect(Object.keys(await bad('?cursor=abc'))).toEqual(['cursor'])
    expect((await call(token, '?limit=500')).status).toBe(200)
    const first = await call(token, '')
    expect(first.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect((await call(token, `?after=${first.body.nextCursor}`)).status).toBe(200)

    const anonymous = await call(undefined, '')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.message).toMatch(/API-token/)
    expect((await action()).status).toBe(405)
  })

  it('refuses a token of a role without API access', async () => {
    const { organisation } = await createEmployer(db(), { name: 'Bakkerij Zonder API' })
    const user = await createUser(db(), { organisationId: organisation.id, role: 'employer' })
    expect((await call(await apiToken(await sessionUser(user.id)), '')).status).toBe(403)
    expect((await call(await apiToken(await caseworker('vdab')), '')).status).toBe(200)
  })

  it('prunes changes older than 90 days that a later change supersedes, and old tombstones, but keeps the latest upsert', async () => {
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => crypto.randomUUID())
    const old = new Date(Date.now() - 100 * 86_400_000)
    const recent = new Date(Date.now() - 10 * 86_400_000)
    const rows = [
      { placementId: a!, kind: 'upsert', at: old }, { placementId: a!, kind: 'upsert', at: old },
      { placementId: b!, kind: 'upsert', at: old }, { placementId: b!, kind: 'remove', at: old },
      { placementId: c!, kind: 'remove', at: old }, { placementId: c!, kind: 'upsert', at: recent },
      { placementId: d!, kind: 'upsert', at: old }, { placementId: d!, kind: 'remove', at: recent },
      { placementId: e!, kind: 'upsert', at: old },
    ] as const
    const inserted = await db().insert(placementChanges).values([...rows]).returning({ seq: placementChanges.seq })
    expect(await db().transaction((tx) => pruneChanges(tx))).toBe(5)
    const kept = await db().select({ seq: placementChanges.seq }).from(placementChanges).where(inArray(placementChanges.placementId, [a!, b!, c!, d!, e!])).orderBy(placementChanges.seq)
    // Kept: a's latest upsert, c's recent upsert, d's recent tombstone, e's only upsert.
    expect(kept.map((r) => r.seq)).toEqual([1, 5, 7, 8].map((i) => inserted[i]!.seq))
  })
})
