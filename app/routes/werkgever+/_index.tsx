import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { RoleHome } from '#app/features/home/role-home'
import { roleHomeLoader } from '#app/features/home/role-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => roleHomeLoader(request, 'dashboard:employer')

export default function EmployerHome() {
  return (
    <RoleHome title="Werkgever">
      <p className="mt-2 max-w-3xl">Hier beheert u de werkervaringsplaatsen van uw organisatie en ziet u wat het aanbieden ervan kost in uw regio.</p>
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Werkgever – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
