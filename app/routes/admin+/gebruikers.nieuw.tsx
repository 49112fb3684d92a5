import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { StaffInvitePage } from '#app/features/staff/staff-invite'
import { staffInviteAction, staffInviteLoader } from '#app/features/staff/staff-pages.server'

export const loader = ({ request }: LoaderFunctionArgs) => staffInviteLoader(request, 'admin')

export const action = ({ request }: ActionFunctionArgs) => staffInviteAction(request, 'admin')

export default StaffInvitePage

export const meta: MetaFunction = () => [{ title: 'Iemand uitnodigen – Gebruikers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
