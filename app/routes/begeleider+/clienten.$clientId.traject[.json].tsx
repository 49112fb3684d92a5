import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUserWithPermission } from '#app/auth/session.server'
import { exportDownload, requireClientTrajectoryExport } from '#app/features/trajectories/sharing.server'

/** The client's trajectory as JSON for VDAB's client file (docs/schemas/trajectory-export.schema.json), as a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, 'client:manage-own-org')
  const { data } = await requireClientTrajectoryExport(user, params.clientId)
  return exportDownload(data)
}
