import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { requireUserWithAnyPermission } from '#app/auth/session.server'
import { sections } from '#app/features/regional-dashboard/sections.server'

/** /admin/cijfers opens the dashboard's first page, keeping the chosen region and period. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithAnyPermission(request, ['statistics:read-all', 'statistics:read-region'])
  return redirect(`/admin/cijfers/${sections[0]!.slug}${new URL(request.url).search}`)
}
