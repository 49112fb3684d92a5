import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '~/components/error-page'
import { RoleHome } from '~/components/role-home'
import { roleHomeLoader } from '~/utils/role-home.server'

export const loader = ({ request }: LoaderFunctionArgs) => roleHomeLoader(request, 'dashboard:triage')

export default function TriageHome() {
  return (
    <RoleHome title="Triage">
      <p className="mt-2 max-w-3xl">Hier komen de aanmeldingen van inwoners uit uw werkgebied binnen, om samen te beslissen of het OCMW of VDAB helpt.</p>
    </RoleHome>
  )
}

export const meta: MetaFunction = () => [{ title: 'Triage – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
