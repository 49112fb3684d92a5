import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { EmployerStanding } from '#app/features/home/employer-standing'
import { RoleHome } from '#app/features/home/role-home'
import { employerHomeLoader } from '#app/features/home/employer-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => employerHomeLoader(request)

export default function EmployerHome() {
  return (
    <RoleHome title="Werkgever">
      <p className="mt-2 max-w-3xl">Hier beheert u de werkervaringsplaatsen van uw organisatie en ziet u wat het aanbieden ervan kost in uw regio.</p>
      <EmployerStanding />
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Werkgever – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
