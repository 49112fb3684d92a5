import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { ErrorPage } from '#app/components/error-page'
import { RoleHome } from '#app/features/home/role-home'
import { roleHomeLoader } from '#app/features/home/role-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => roleHomeLoader(request, 'dashboard:outreach')

export default function OutreachHome() {
  return (
    <RoleHome title="Outreachpartner">
      <p className="mt-2 max-w-3xl">Hier help je inwoners zich aan te melden en vind je de aanmeldlinks en affiches van je organisatie.</p>
      <ul className="mt-4 list-disc space-y-1 ps-6">
        <li>
          <Link to="/partner/aanmelden" className="underline">Samen met een inwoner het aanmeldformulier invullen</Link>
        </li>
        <li>
          <Link to="/partner/kanalen" className="underline">Aanmeldlinks en affiches</Link>
        </li>
      </ul>
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Outreachpartner – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
