import { parseWithZod } from '#app/utils/parse-form'
import { json, redirect } from '@remix-run/node'
import { clientFormSchema, toClientInput } from '#domain/client-form'
import { db } from '#app/utils/db.server'
import { withToast } from '#app/utils/toast.server'
import { createClient, getClient, resolveHome, UnknownOccupationError, updateClient } from '#db/queries/clients'
import { foldSearchText } from '#db/queries/reference'
import type { SessionUser } from '#domain/session-user'
import type { ClientEditorData } from './client-editor'
import type { OccupationOption } from '#app/components/occupation-picker'
import { describeOccupation, findOccupationOptions } from '#app/features/placements/placement-editor.server'

/**
 * The server half of the client form, shared by /begeleider/clienten/nieuw and …/:id/bewerken. The organisation
 * always comes from the session user (inside db/queries/clients.ts); nothing here trusts an id from the form.
 */
const notFound = () => new Response('Deze cliënt bestaat niet of hoort niet bij jouw organisatie.', { status: 404 })

/** The client of the user's organisation, or a 404 — the same for a missing, a foreign or a malformed id. */
export async function requireClient(user: SessionUser, clientId: string | undefined, purpose: 'view' | 'edit' | 'match') {
  const client = clientId ? await getClient(db(), user, clientId, purpose) : null
  if (!client) throw notFound()
  return client
}

/** The chosen occupations by URI, so each picker shows its choice again after a round trip. */
export async function describeOccupations(uris: readonly string[]): Promise<Record<string, OccupationOption>> {
  const found = await Promise.all([...new Set(uris)].map((uri) => describeOccupation(uri)))
  return Object.fromEntries(found.flatMap((o) => (o ? [[o.uri, o] as const] : [])))
}

/** The municipalities to choose from when the client's postcode lies in two. */
export async function homeChoicesFor(home: string | null, chosenNis?: string | null) {
  return home ? (await resolveHome(db(), home, chosenNis ?? undefined)).choices : []
}

const reply = (data: ClientEditorData, status = 200) => json(data, { status })

type PostedTarget = { query: string; uri: string }
const text = (value: unknown) => (typeof value === 'string' ? value : '')

function postedTargets(payload: Record<string, unknown>): PostedTarget[] {
  const list = Array.isArray(payload.jobTargets) ? (payload.jobTargets as unknown[]) : []
  return list.map((item) => {
    const fields = (item ?? {}) as Record<string, unknown>
    return { query: text(fields.query), uri: text(fields.uri) }
  })
}

/**
 * Saves (intent "save"), or — without JavaScript — searches the occupations typed in the pickers (intent
 * "search-occupation": nothing is saved, every value comes back) or adds, removes or moves a jobdoelwit
 * (Conform's list intents). Answers every mistake with field errors, all at once.
 */
function parse(formData: FormData) {
  try {
    return parseWithZod(formData, { schema: clientFormSchema })
  } catch {
    // A mangled Conform intent (a tampered or truncated request): nothing to redisplay, but no crash either.
    return null
  }
}

/** `clientId`: null for a new client. */
export async function clientEditorAction(formData: FormData, user: SessionUser, clientId: string | null) {
  const submission = parse(formData)
  if (!submission) {
    const error = { '': ['Het formulier kwam onvolledig aan. Laad de pagina opnieuw en probeer het nog eens.'] }
    return reply({ result: { status: 'error', error }, occupations: {}, hits: null, homeChoices: [] }, 400)
  }
  const payload = submission.payload
  const targets = postedTargets(payload)
  const occupations = await describeOccupations(targets.map((t) => t.uri).filter(Boolean))
  const homeText = submission.status === 'success' ? submission.value.home : submission.error?.home ? null : text(payload.home).trim() || null
  const home = homeText ? await resolveHome(db(), homeText, text(payload.homeMunicipalityNis) || undefined) : null
  const base = { occupations, hits: null, homeChoices: home?.choices ?? [] }

  if (formData.get('intent') === 'search-occupation') {
    // Search the pickers whose text is not (any longer) the chosen occupation's name.
    const hits: Record<number, OccupationOption[]> = {}
    for (const [index, target] of targets.entries()) {
      const chosen = occupations[target.uri]?.label
      if (target.query.trim() && (!chosen || foldSearchText(chosen) !== foldSearchText(target.query))) hits[index] = await findOccupationOptions(target.query)
    }
    // Not a save attempt, so no errors yet: only the values, kept as entered.
    return reply({ ...base, result: { ...submission.reply(), status: undefined, error: undefined }, hits })
  }
  // A list intent (add, remove, move a jobdoelwit) without JavaScript: the list as changed, no errors yet.
  if (submission.status === undefined) return reply({ ...base, result: submission.reply() })

  const fieldErrors: Record<string, string[]> = {}
  if (home && !home.ok) fieldErrors[home.field] = [home.message]
  const unknown = (uris: string[]) =>
    targets.forEach((t, index) => {
      if (uris.includes(t.uri)) fieldErrors[`jobTargets[${index}].uri`] = ['Dit beroep staat niet in de lijst. Zoek het opnieuw en kies het uit de lijst.']
    })
  if (submission.status === 'success') unknown(submission.value.jobTargets.map((t) => t.uri).filter((uri) => !occupations[uri]))
  if (submission.status !== 'success' || !home?.ok || Object.keys(fieldErrors).length > 0) {
    return reply({ ...base, result: Object.keys(fieldErrors).length > 0 ? submission.reply({ fieldErrors }) : submission.reply() }, 400)
  }

  const input = toClientInput(submission.value, home.home)
  let saved: string | 'not-found'
  try {
    saved = await db().transaction(async (tx) => {
      if (clientId === null) return createClient(tx, user, input)
      const outcome = await updateClient(tx, user, clientId, input)
      return outcome === 'not-found' ? outcome : outcome.id
    })
  } catch (error) {
    // An occupation that left the reference data between the check above and the save.
    if (!(error instanceof UnknownOccupationError)) throw error
    unknown(error.uris)
    return reply({ ...base, result: submission.reply({ fieldErrors }) }, 400)
  }
  if (saved === 'not-found') throw notFound()
  const message = clientId !== null ? 'De wijzigingen zijn opgeslagen.' : 'De cliënt is opgeslagen. Zoek nu passende plaatsen.'
  throw redirect(`/begeleider/clienten/${saved}`, await withToast({ kind: 'success', message }))
}
