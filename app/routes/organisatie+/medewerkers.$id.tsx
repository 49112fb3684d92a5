import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { StaffMemberPage } from '#app/features/staff/staff-member'
import { staffMemberAction, staffMemberLoader } from '#app/features/staff/staff-pages.server'

export const loader = ({ request, params }: LoaderFunctionArgs) => staffMemberLoader(request, 'organisation', params.id)

export const action = ({ request, params }: ActionFunctionArgs) => staffMemberAction(request, 'organisation', params.id)

export default StaffMemberPage

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.member.name ?? 'Medewerker'} – Medewerkers – Stapsteen` }]

export function ErrorBoundary() {
  return <ErrorPage />
}
