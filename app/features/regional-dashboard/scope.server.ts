import { hasPermission } from '#domain/permissions'
import type { SessionUser } from '#domain/session-user'
import { listRegions } from '#db/queries/reference'
import { db } from '#app/utils/db.server'

export const FLANDERS = 'vlaanderen'

/**
 * Which regions a user may look at on the dashboard: a platform admin all of Flanders and each reference region;
 * a regional admin their own regions, one at a time. Asking for another region is a 404, like every record a
 * user may not see. Figures for all of Flanders are shown to both as the comparison column.
 */
export async function dashboardScope(user: SessionUser, asked: string | null) {
  const regions = await listRegions(db())
  const everything = hasPermission(user, 'statistics:read-all')
  const options = everything
    ? [{ code: FLANDERS, name: 'Heel Vlaanderen' }, ...regions.map(({ code, name }) => ({ code, name }))]
    : regions.filter((region) => user.regionCodes.includes(region.code)).map(({ code, name }) => ({ code, name }))
  const selected = asked ? options.find((option) => option.code === asked) : options[0]
  if (!selected) throw new Response(null, { status: 404, statusText: 'Deze regio valt niet onder jouw beheer' })
  return { options, selected, regionCodes: selected.code === FLANDERS ? null : [selected.code] }
}
