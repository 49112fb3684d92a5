import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { StaffListPage } from '#app/features/staff/staff-list'
import { staffListLoader } from '#app/features/staff/staff-pages.server'

// Platform admins see every account, regional admins the people of their regions' organisations (staff-rules.ts).
export const loader = ({ request }: LoaderFunctionArgs) => staffListLoader(request, 'admin')

export default StaffListPage

export const meta: MetaFunction = () => [{ title: 'Gebruikers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
