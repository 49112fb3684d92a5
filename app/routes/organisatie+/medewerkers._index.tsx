import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { ErrorPage } from '#app/components/error-page'
import { StaffListPage } from '#app/features/staff/staff-list'
import { staffListLoader } from '#app/features/staff/staff-pages.server'

// A coordinator's staff: the caseworkers, triage and outreach workers of their own organisation (staff-rules.ts).
export const loader = ({ request }: LoaderFunctionArgs) => staffListLoader(request, 'organisation')

export default StaffListPage

export const meta: MetaFunction = () => [{ title: 'Medewerkers – Stapsteen' }]

export function ErrorBoundary() {
  return <ErrorPage />
}
