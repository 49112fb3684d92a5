import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { requireUserWithPermission } from '#app/auth/session.server'
import { ErrorPage } from '#app/components/error-page'
import { searchProfiles } from '#app/features/function-profiles/function-profiles.server'
import { ProfileSearch } from '#app/features/function-profiles/profile-views'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const params = new URL(request.url).searchParams
  const query = params.get('beroep') ?? ''
  // "Zoek beroep" (the picker without JavaScript) searches the typed text again, whatever was chosen before.
  const uri = params.get('intent') === 'search-occupation' ? '' : (params.get('uri') ?? '')
  return json({ query, ...(await searchProfiles(user, query, uri)) })
}

export default function FunctionProfilesPage() {
  const { query, chosen, hits, profiles } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Functieprofielen</h1>
      <p className="mt-2 max-w-3xl">
        Faseplannen per beroep, met competenties en taken: die van je eigen organisatie en die andere OCMW’s en VDAB-teams delen. Start er het POP
        van een cliënt mee; bewaar zelf een profiel vanuit het traject van een cliënt.
      </p>
      <ProfileSearch key={`${query}|${chosen?.uri ?? ''}`} query={query} chosen={chosen} hits={hits} profiles={profiles} />
    </>
  )
}

export const meta: MetaFunction = () => [{ title: 'Functieprofielen – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
