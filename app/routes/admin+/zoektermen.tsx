import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import type { SubmissionResult } from '@conform-to/react'
import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { loadSearchTermsPage, type ProposeReply, proposeAction, reviewAction } from '#app/features/search-terms/search-terms.server'
import { ProposeForm } from '#app/features/search-terms/propose-form'
import { ReviewForm } from '#app/features/search-terms/review-form'
import { MappingSummary, TermTable } from '#app/features/search-terms/search-term-tables'

const permissions = ['search-terms:propose', 'search-terms:review'] as const

/** "Zoektermen zonder resultaat": regional and platform admins read the terms; proposing and reviewing are checked per intent. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, permissions)
  return json(await loadSearchTermsPage(user, new URL(request.url)))
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithAnyPermission(request, permissions)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'review') return reviewAction(user, formData)
  if (intent === 'propose' || intent === 'search-occupation') return proposeAction(user, formData)
  throw new Response('Onbekende actie.', { status: 400 })
}

type ActionData = ProposeReply | { result: SubmissionResult<string[]>; mappingId: string }

export default function SearchTermsPage() {
  const { terms, mappings, canPropose, canReview, term } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const proposed = actionData && 'hits' in actionData ? actionData : undefined
  const reviewed = actionData && 'mappingId' in actionData ? actionData : undefined
  return (
    <>
      <h1>Zoektermen zonder resultaat</h1>
      <p className="mt-2 max-w-3xl">
        Woorden waarmee iemand de voorbije 90 dagen niets vond, of die hij meteen door een ander woord verving. We bewaren alleen het woord, de dag en
        het aantal: niet wie zocht. Koppel een woord aan een beroep; na beoordeling door een platformbeheerder vindt iedereen met dat woord het beroep.{' '}
        <a href="/admin/zoektermen.csv">Download als CSV</a>
      </p>
      <section aria-labelledby="termen-titel" className="mt-6">
        <h2 id="termen-titel">Zoektermen</h2>
        <TermTable terms={terms} canPropose={canPropose} />
      </section>
      {canPropose ? (
        <section aria-labelledby="voorstel" className="mt-8">
          <h2 id="voorstel">Een woord aan een beroep koppelen</h2>
          <ProposeForm key={term} term={term} lastResult={proposed?.result} occupation={proposed?.occupation ?? null} hits={proposed?.hits ?? null} />
        </section>
      ) : null}
      <section aria-labelledby="voorstellen-titel" className="mt-8">
        <h2 id="voorstellen-titel">Voorstellen en beslissingen</h2>
        {mappings.length === 0 ? <p className="mt-2">Er zijn nog geen voorstellen.</p> : null}
        <ul className="mt-2 max-w-3xl space-y-4">
          {mappings.map((mapping) => (
            <li key={mapping.id} className="border-b border-slate-200 pb-4">
              <MappingSummary mapping={mapping} />
              {canReview && mapping.status === 'proposed' ? (
                <ReviewForm mappingId={mapping.id} term={mapping.term} lastResult={reviewed?.mappingId === mapping.id ? reviewed.result : undefined} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Zoektermen zonder resultaat – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
