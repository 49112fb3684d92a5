import { z } from 'zod'
import { badRequest } from '#app/utils/api-errors.server'
import { fieldErrors, one } from '#app/utils/api-input.server'
import { db } from '#app/utils/db.server'
import { type ChangePosition, changesAfter, FEED_START, publicPlacementsNow } from '#db/queries/placement-changes'

/**
 * GET /api/v1/placements/changes (docs/openapi.yaml): the changes of public placements after a cursor. An upsert
 * carries the placement as it is public NOW (as the search API shows it); when it is no longer public, a later
 * remove follows and the upsert carries the same tombstone, so a partner that applies the changes in order
 * always ends with the public placements.
 */
const LIMIT = 'Geef een geheel getal van 1 tot en met 500.'
const CURSOR = 'Geef een cursor zoals het vorige antwoord hem gaf in nextCursor, of laat after weg om bij het begin te starten.'
const DEFAULT_LIMIT = 100

// Opaque to partners; inside: a version, the transaction id and the sequence number of the last change given out.
const CURSOR_TEXT = /^c1\.(\d{1,20})\.(\d{1,19})$/

function encodeCursor(position: ChangePosition): string {
  return Buffer.from(`c1.${position.xid}.${position.seq}`).toString('base64url')
}

function decodeCursor(cursor: string): ChangePosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(cursor)) return undefined
  const match = CURSOR_TEXT.exec(Buffer.from(cursor, 'base64url').toString('latin1'))
  const seq = Number(match?.[2])
  if (!match || !Number.isSafeInteger(seq) || BigInt(match[1]!) >= 2n ** 64n) return undefined
  return { xid: match[1]!, seq }
}

const paramsSchema = z
  .object({
    after: one(z.string().transform((cursor, ctx) => decodeCursor(cursor) ?? (ctx.addIssue({ code: 'custom', message: CURSOR }), z.NEVER))),
    limit: one(z.string().regex(/^\d{1,3}$/, LIMIT).transform(Number).pipe(z.number().min(1, LIMIT).max(500, LIMIT))),
  })
  .strict()

export const changeParamNames = Object.keys(paramsSchema.shape)

/** The query string, or a 400 that names each wrong parameter (an unknown one too, as the search API does). */
export function parseChangeParams(params: URLSearchParams) {
  const raw: Record<string, string[]> = Object.create(null)
  for (const [name, value] of params) (raw[name] ??= []).push(value)
  const result = paramsSchema.safeParse(raw)
  if (!result.success) throw badRequest(fieldErrors(result.error, 'query', `Onbekende parameter. Mogelijk zijn: ${changeParamNames.join(', ')}.`, true))
  return { after: result.data.after ?? FEED_START, limit: result.data.limit ?? DEFAULT_LIMIT }
}

export async function placementChangesPage(params: URLSearchParams) {
  const { after, limit } = parseChangeParams(params)
  const changes = await changesAfter(db(), after, limit)
  const current = await publicPlacementsNow(db(), [...new Set(changes.filter((c) => c.kind === 'upsert').map((c) => c.placementId))])
  const last = changes.at(-1)
  return {
    changes: changes.map((change) => ({
      kind: change.kind,
      at: change.at.toISOString(),
      placement: (change.kind === 'upsert' && current.get(change.placementId)) || { id: change.placementId, removed: true as const },
    })),
    // With no new change the same position again: the partner simply asks later.
    nextCursor: encodeCursor(last ? { xid: last.xid, seq: last.seq } : after),
  }
}
