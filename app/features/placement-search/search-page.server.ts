import { json } from '@remix-run/node'
import { listRegions } from '#db/queries/reference'
import { placeLookup, placementCards } from '#db/queries/saved-searches'
import { searchEngine } from '#search/engine'
import { type PlacementQuery, SearchInputError, SearchUnavailableError } from '#search/port'
import { buildSearch, fieldOfEngineError, MAX_PAGE, PAGE_SIZE, readPage, type SearchErrors, searchQueryString } from './search-params'
import { combineFacets, facetQueries, shownFacets } from './facet-counts'
import { db } from '#app/utils/db.server'
import { recordSearchTerms } from '#app/features/search-terms/record.server'

/**
 * The search page's server side: the address through app/features/placement-search/search-params.ts to the search port, the extra
 * facet counts, and what a result card shows. Mistakes in the address and refusals of the engine become field
 * messages (400); an engine that is down becomes a notice on the page (503), never an error page.
 */
export async function loadSearchPage(request: Request) {
  const params = new URL(request.url).searchParams
  const page = readPage(params)
  const [lookup, regions] = await Promise.all([placeLookup(db()), listRegions(db())])
  const built = await buildSearch(params, lookup, { facets: [...shownFacets], limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
  const form = { values: built.values, query: searchQueryString(built.values), regions, places: lookup.municipalities.map((m) => m.name).sort() }
  const answer = (errors: SearchErrors, outcome: Awaited<ReturnType<typeof runSearch>> | 'unavailable' | null, status = 200) =>
    json({ ...form, errors, outcome }, { status })
  if (!built.query) return answer(built.errors, null, 400)
  try {
    const outcome = await runSearch(built.query, page)
    void recordSearchTerms(request, 'q', outcome.total)
    return answer({}, outcome)
  } catch (error) {
    if (error instanceof SearchInputError) return answer({ [fieldOfEngineError(error.field)]: [error.message] }, null, 400)
    if (error instanceof SearchUnavailableError) return answer({}, 'unavailable', 503)
    throw error
  }
}

async function runSearch(query: PlacementQuery, page: number) {
  const engine = searchEngine()
  const extra = facetQueries(query)
  const [result, others] = await Promise.all([engine.search(query), Promise.all(extra.map((e) => engine.search(e.query)))])
  const cards = new Map(
    (
      await placementCards(
        db(),
        result.results.map((hit) => hit.id),
      )
    ).map((card) => [card.id, card]),
  )
  return {
    total: result.total,
    page,
    pageCount: Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / PAGE_SIZE))),
    facets: combineFacets(
      result.facets,
      extra.map((e, i) => ({ facet: e.facet, facets: others[i]!.facets })),
    ),
    understanding: result.understanding,
    hits: result.results.map(({ id, title, distanceKm, reasons }) => ({ id, title, distanceKm, reasons, card: cards.get(id) ?? null })),
  }
}
