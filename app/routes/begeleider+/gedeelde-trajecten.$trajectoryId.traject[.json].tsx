import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { exportDownload, requireTrajectoryExport } from '#app/features/trajectories/sharing.server'

/** A shared trajectory as JSON for the reader's own client file; the same 404 as the page without an active share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { data } = await requireTrajectoryExport(user, params.trajectoryId, 'download')
  return exportDownload(data)
}
