import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { RoleHome } from '#app/features/home/role-home'
import { roleHomeLoader } from '#app/features/home/role-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => roleHomeLoader(request, 'dashboard:caseworker')

export default function CaseworkerHome() {
  return (
    <RoleHome title="Trajectbegeleiding">
      <p className="mt-2 max-w-3xl">Hier zoek je werkervaringsplaatsen die passen bij de jobdoelwitten van je cliënten.</p>
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Trajectbegeleiding – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
