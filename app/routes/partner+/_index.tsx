import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '~/components/error-page'
import { RoleHome } from '~/components/role-home'
import { roleHomeLoader } from '~/utils/role-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => roleHomeLoader(request, 'dashboard:outreach')

export default function OutreachHome() {
  return (
    <RoleHome title="Outreachpartner">
      <p className="mt-2 max-w-3xl">Hier helpt u inwoners zich aan te melden en vindt u de aanmeldlinks en affiches van uw organisatie.</p>
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Outreachpartner – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
