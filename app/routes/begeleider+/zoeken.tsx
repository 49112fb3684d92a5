import { parseWithZod } from '#app/utils/parse-form'
import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { SearchForm } from '#app/features/placement-search/search-form'
import { loadSearchPage } from '#app/features/placement-search/search-page.server'
import { saveSearch } from '#app/features/saved-searches/saved-searches.server'
import { ResultCount, SearchResults, SearchUnavailable, Understanding } from '#app/features/placement-search/search-results'
import { SaveSearchForm, SaveSearchSchema } from '#app/features/saved-searches/search-save'
import { searchQueryString } from '#app/features/placement-search/search-params'
import { withToast } from '#app/utils/toast.server'

/** Caseworkers (and regional and platform admins) search published placements; a GET form, so every search has an address. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, 'placement:read-published')
  return loadSearchPage(request)
}

/** "Zoekopdracht bewaren": stored for the signed-in user only, with what it finds now counted as seen. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, 'placement:read-published')
  const submission = parseWithZod(await request.formData(), { schema: SaveSearchSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const saved = await saveSearch(user, submission.value)
  if (!saved.ok) return json(submission.reply({ formErrors: [saved.message] }), { status: 400 })
  const mail = submission.value.alert ? ' We mailen je als er een nieuwe plaats bij komt.' : ''
  throw redirect(
    `/begeleider/zoeken?${saved.query}`,
    await withToast({ kind: 'success', message: `Je zoekopdracht "${submission.value.name}" is bewaard.${mail}` }),
  )
}

export default function SearchPage() {
  const { values, errors, regions, places, query, outcome } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const result = outcome === 'unavailable' ? null : outcome
  const withPage = (page: number) => `/begeleider/zoeken?${searchQueryString(values, page)}`
  const withText = (q: string) => `/begeleider/zoeken?${searchQueryString({ ...values, q })}`
  return (
    <>
      <h1>Plaatsen zoeken</h1>
      <p className="mt-2 max-w-3xl">
        Zoek gepubliceerde werkervaringsplaatsen op beroep, plaats en wat de persoon nodig heeft. Een tikfout geeft niet: we zoeken het beroep dat je
        bedoelt. <Link to="/begeleider/bewaard">Je bewaarde zoekopdrachten</Link>
      </p>
      <div className="mt-6 grid gap-8 md:grid-cols-[20rem_1fr]">
        <section aria-labelledby="zoekopdracht-titel">
          <h2 id="zoekopdracht-titel">Zoekopdracht</h2>
          <SearchForm values={values} errors={errors} facets={result?.facets ?? null} regions={regions} places={places} />
        </section>
        <section aria-labelledby="resultaten-titel">
          <h2 id="resultaten-titel">Resultaten</h2>
          <ResultCount outcome={result} invalid={outcome === null} />
          {outcome === 'unavailable' ? <SearchUnavailable retryHref={withPage(1)} /> : null}
          {result ? <Understanding understanding={result.understanding} correctedHref={withText} /> : null}
          {/* Also while the engine is down: a failed save says why here. */}
          {outcome !== null ? <SaveSearchForm query={query} lastResult={lastResult} /> : null}
          {result ? <SearchResults outcome={result} href={withPage} /> : null}
        </section>
      </div>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Plaatsen zoeken – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
