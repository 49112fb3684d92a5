import type { SessionUser } from '#domain/session-user'
import { createSavedSearch, placeLookup } from '#db/queries/saved-searches'
import { buildSearch, searchQueryString } from '#app/features/placement-search/search-params'
import { db } from '#app/utils/db.server'
import { searchEngine } from '#search/engine'
import { SearchInputError, SearchUnavailableError } from '#search/port'
import { allHitIds } from './alerts.server'

/**
 * Saving a search from the search page, and checking a saved one again: the address goes through the search page's
 * own parser, so a saved search runs exactly as it was shown, and what it finds now counts as seen for its alerts.
 */
export type SavedQueryHits = { ok: true; query: string; hits: string[] } | { ok: false; message: string }

/** A saved search's address, checked again and run now: what it finds counts as seen (db/queries/saved-searches.ts). */
export async function currentHitsOf(queryString: string): Promise<SavedQueryHits> {
  const built = await buildSearch(new URLSearchParams(queryString), await placeLookup(db()))
  if (!built.query) return { ok: false, message: 'Deze zoekopdracht bevat een fout. Pas ze eerst aan in het zoekscherm.' }
  try {
    return { ok: true, query: searchQueryString(built.values), hits: await allHitIds(searchEngine(), built.query) }
  } catch (error) {
    if (error instanceof SearchInputError) return { ok: false, message: error.message }
    if (error instanceof SearchUnavailableError)
      return {
        ok: false,
        message: 'Zoeken is tijdelijk niet beschikbaar, daarom kunnen we dit nu niet bewaren. Probeer het over enkele ogenblikken opnieuw.',
      }
    throw error
  }
}

export async function saveSearch(user: SessionUser, input: { name: string; alert: boolean; query: string }): Promise<SavedQueryHits> {
  const current = await currentHitsOf(input.query)
  if (!current.ok) return current
  const owner = { id: user.id, organisationId: user.organisation.id }
  await db().transaction((tx) => createSavedSearch(tx, owner, { name: input.name, alert: input.alert, query: current.query }, current.hits))
  return current
}
