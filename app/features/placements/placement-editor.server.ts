import { parseWithZod } from '#app/utils/parse-form'
import { json, redirect } from '@remix-run/node'
import { z } from 'zod'
import { todayIso } from '#domain/compensation-rules'
import { placementFormSchema, toPlacementInput } from '#domain/placement-form'
import { canTransition, type PlacementStatus, publishTarget } from '#domain/placement-lifecycle'
import { statusLabels } from '#domain/placement-values'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import {
  createPlacement,
  employerStanding,
  getOwnPlacement,
  listOwnSites,
  occupationSummaries,
  setPlacementStatus,
  updatePlacement,
} from '#db/queries/placements'
import { TransitionError } from '#db/queries/placement-lifecycle'
import { searchOccupations } from '#db/queries/reference'
import type { SessionUser } from '#domain/session-user'
import type { EditorActionData } from './placement-editor'
import type { OccupationOption } from '#app/components/occupation-picker'

/**
 * The server half of the placement editor, shared by /werkgever/plaatsen/nieuw and /werkgever/plaatsen/:id.
 * Everything is scoped to the session user's organisation; nothing here trusts an id from the form.
 */
const OCCUPATION_RESULTS = 10
const ALT_LABELS_SHOWN = 6

/** The type-ahead's matches with a few alternative labels each: what caseworkers will search for. */
export async function findOccupationOptions(q: string): Promise<OccupationOption[]> {
  const hits = await searchOccupations(db(), q.slice(0, 100), OCCUPATION_RESULTS)
  const alternatives = new Map((await occupationSummaries(db(), hits.map((h) => h.uri))).map((o) => [o.uri, o.altLabels]))
  return hits.map((h) => ({ ...h, altLabels: (alternatives.get(h.uri) ?? []).slice(0, ALT_LABELS_SHOWN) }))
}

export async function describeOccupation(uri: unknown): Promise<OccupationOption | null> {
  if (typeof uri !== 'string' || uri === '') return null
  const [occupation] = await occupationSummaries(db(), [uri])
  return occupation ? { ...occupation, altLabels: occupation.altLabels.slice(0, ALT_LABELS_SHOWN) } : null
}

/** What the editor needs besides the placement: the employer's sites, today, and whether it is verified. */
export async function loadEditorContext(user: SessionUser) {
  const [sites, standing] = await Promise.all([listOwnSites(db(), user.organisation.id), employerStanding(db(), user.organisation.id)])
  return { sites, today: todayIso(), ...standing }
}

const notFound = () => new Response('Deze plaats bestaat niet of hoort niet bij uw organisatie.', { status: 404 })

/** The organisation's own placement, or a 404 (also for another organisation's id or a malformed one). */
export async function requireOwnPlacement(user: SessionUser, placementId: string | undefined) {
  const placement = z.string().uuid().safeParse(placementId).success ? await getOwnPlacement(db(), user.organisation.id, placementId!) : undefined
  if (!placement) throw notFound()
  return placement
}

const savedMessage: Partial<Record<PlacementStatus, string>> = {
  draft: 'De plaats is opgeslagen als ontwerp.',
  submitted: 'De plaats is ingediend. Ze wordt zichtbaar zodra uw organisatie geverifieerd is.',
  published: 'De plaats is gepubliceerd. Trajectbegeleiders en bemiddelaars kunnen ze nu vinden.',
}

const editorReply = (data: EditorActionData, status = 200) => json(data, { status })

/**
 * Saves (intent "save"), saves and publishes (intent "publish"), or — without JavaScript — searches an
 * occupation (intent "search-occupation": nothing is saved, every entered value comes back).
 */
export async function editorAction(formData: FormData, user: SessionUser, placementId?: string) {
  const context = await loadEditorContext(user)
  const schema = placementFormSchema({ siteIds: context.sites.map((s) => s.id), today: context.today })
  const submission = parseWithZod(formData, { schema })
  const occupation = await describeOccupation(formData.get('occupationUri'))
  const intent = formData.get('intent')
  if (intent === 'search-occupation') {
    const hits = await findOccupationOptions(String(formData.get('occupationQuery') ?? ''))
    // Not a save attempt, so no errors yet: only the values, kept as entered.
    return editorReply({ result: { ...submission.reply(), status: undefined, error: undefined }, occupation, hits })
  }
  if (submission.status !== 'success') return editorReply({ result: submission.reply(), occupation, hits: null }, 400)
  if (!occupation) {
    const fieldErrors = { occupationUri: ['Dit beroep staat niet in de lijst. Zoek het opnieuw en kies het uit de lijst.'] }
    return editorReply({ result: submission.reply({ fieldErrors }), occupation, hits: null }, 400)
  }

  const actor = { organisationId: user.organisation.id, actorUserId: user.id }
  const input = toPlacementInput(submission.value)
  const saved = await db().transaction(async (tx) => {
    const outcome = placementId ? await updatePlacement(tx, actor, placementId, input) : { id: await createPlacement(tx, actor, input), status: 'draft' as const }
    if (typeof outcome === 'string') return outcome
    const target = publishTarget(context.verified)
    if (intent !== 'publish' || outcome.status === target || !canTransition(outcome.status, target)) return outcome
    await setPlacementStatus(tx, actor, outcome.id, target)
    return { id: outcome.id, status: target }
  })
  if (saved === 'not-found') throw notFound()
  if (saved === 'closed') {
    return editorReply({ result: submission.reply({ formErrors: ['Deze plaats is afgesloten en kan niet meer gewijzigd worden.'] }), occupation, hits: null }, 400)
  }
  const message = (intent === 'publish' || !placementId ? savedMessage[saved.status] : undefined) ?? 'De wijzigingen zijn opgeslagen.'
  throw redirect(`/werkgever/plaatsen/${saved.id}`, await withToast({ kind: 'success', message }))
}

/** A status button ("Pauzeren", "Publiceren", …). "Publiceren" lands on submitted while the employer is unverified. */
export async function statusAction(user: SessionUser, placementId: string, requested: string) {
  const placement = await requireOwnPlacement(user, placementId)
  const { verified } = await employerStanding(db(), user.organisation.id)
  const to = requested === 'published' ? publishTarget(verified) : (requested as PlacementStatus)
  const refuse = (from: PlacementStatus) =>
    json({ statusError: `Deze plaats is nu "${statusLabels[from].label.toLowerCase()}" en kan die stap niet zetten. Kies een van de knoppen hieronder.` }, { status: 400 })
  if (!Object.hasOwn(statusLabels, to) || !canTransition(placement.status, to)) return refuse(placement.status)
  try {
    await db().transaction((tx) => setPlacementStatus(tx, { organisationId: user.organisation.id, actorUserId: user.id }, placement.id, to))
  } catch (error) {
    // Someone else changed the status in the meantime (another tab, a colleague).
    if (error instanceof TransitionError) return refuse((await requireOwnPlacement(user, placement.id)).status)
    throw error
  }
  const message = savedMessage[to] ?? `De plaats is nu "${statusLabels[to].label.toLowerCase()}".`
  throw redirect(`/werkgever/plaatsen/${placement.id}`, await withToast({ kind: 'success', message }))
}
