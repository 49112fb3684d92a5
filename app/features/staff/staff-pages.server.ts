import { json, redirect } from '@remix-run/node'
import { INVITATION_LINK_DAYS } from '#app/auth/password.server'
import { assignableRoles, rolesByReach } from '#domain/staff-rules'
import { type StaffArea, staffAreas } from './staff-areas'
import { inviteSchema, SELF_REFUSED, staffActionSchema } from './staff-form'
import { parseStaffFilter } from './staff-filter'
import { db } from '#app/utils/db.server'
import { parseWithZod } from '#app/utils/parse-form'
import { publicBaseUrl } from '#app/utils/public-url.server'
import {
  changeRole,
  inviteStaff,
  notFound,
  requireStaffScope,
  resendInvitation,
  setStaffActive,
} from './staff.server'
import { withToast } from '#app/utils/toast.server'
import { listRegions, type Region } from '#db/queries/reference'
import { findOrganisationInScope, getStaffMember, listStaff, organisationChoices } from '#db/queries/staff'
import { type StaffScope } from '#domain/staff-rules'

/**
 * Loaders and actions of the people pages, shared by /admin/gebruikers and /organisatie/medewerkers (the route
 * files pass their area). Whom they show and change is the StaffScope of the signed-in user.
 */

/** The organisation an address names (?organisatie=…), when the user manages its people; anything else is a 404. */
async function organisationFromAddress(scope: StaffScope, id: string | null) {
  if (!id) return undefined
  const organisation = await findOrganisationInScope(db(), scope, id)
  if (!organisation) throw new Response('Deze organisatie bestaat niet of valt buiten wie je beheert.', { status: 404 })
  return organisation
}

/** Regional admins' regions are given by platform admins only. */
const regionChoices = async (scope: StaffScope): Promise<Region[]> => (rolesByReach[scope.reach].includes('regional_admin') ? listRegions(db()) : [])

export async function staffListLoader(request: Request, area: StaffArea) {
  const scope = await requireStaffScope(request, area)
  const filter = parseStaffFilter(new URL(request.url).searchParams, scope.roles)
  const organisation = await organisationFromAddress(scope, filter.values.organisatie || null)
  const { rows, more } = await listStaff(db(), scope, filter.filters)
  return json({ area, reach: scope.reach, actorOrganisation: scope.actor.organisation.name, roles: scope.roles, filter: filter.values, organisation, rows, more })
}

export async function staffInviteLoader(request: Request, area: StaffArea) {
  const scope = await requireStaffScope(request, area)
  const params = new URL(request.url).searchParams
  const search = (params.get('zoek') ?? '').trim().slice(0, 100)
  // A coordinator invites into their own organisation only: there is nothing to choose.
  const own = scope.reach === 'organisation' ? await findOrganisationInScope(db(), scope, scope.actor.organisation.id) : undefined
  const chosen = own ?? (await organisationFromAddress(scope, params.get('organisatie')))
  const choices = own ? { rows: [own], more: false } : await organisationChoices(db(), scope, search)
  if (chosen && !choices.rows.some((o) => o.id === chosen.id)) choices.rows.unshift(chosen)
  return json({
    area,
    reach: scope.reach,
    search,
    chosen: chosen ?? null,
    choices,
    roles: chosen ? assignableRoles(scope.reach, chosen.type) : scope.roles,
    regions: await regionChoices(scope),
    validDays: INVITATION_LINK_DAYS,
  })
}

export async function staffInviteAction(request: Request, area: StaffArea) {
  const scope = await requireStaffScope(request, area)
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const outcome = await inviteStaff(scope, submission.value, publicBaseUrl())
  if (!outcome.ok) return json(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
  const message = `${submission.value.name} krijgt een e-mail met een link om een wachtwoord te kiezen. De link werkt ${INVITATION_LINK_DAYS} dagen.`
  throw redirect(`${staffAreas[area].path}/${outcome.id}`, await withToast({ kind: 'success', message }))
}

export async function staffMemberLoader(request: Request, area: StaffArea, id: string | undefined) {
  const scope = await requireStaffScope(request, area)
  const member = await getStaffMember(db(), scope, id ?? '')
  if (!member) throw notFound()
  return json({
    area,
    member,
    self: member.id === scope.actor.id,
    roles: assignableRoles(scope.reach, member.organisationType),
    regions: await regionChoices(scope),
    confirmDeactivation: new URL(request.url).searchParams.get('bevestigen') === 'deactiveren',
  })
}

export async function staffMemberAction(request: Request, area: StaffArea, id: string | undefined) {
  const scope = await requireStaffScope(request, area)
  const member = await getStaffMember(db(), scope, id ?? '')
  if (!member) throw notFound()
  const submission = parseWithZod(await request.formData(), { schema: staffActionSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const refused = (message: string, status: number) => json(submission.reply({ formErrors: [message] }), { status })
  const done = async (message: string, kind: 'success' | 'info' = 'success') => {
    throw redirect(`${staffAreas[area].path}/${member.id}`, await withToast({ kind, message }))
  }
  const action = submission.value
  switch (action.intent) {
    case 'resend': {
      const outcome = await resendInvitation(scope, member.id, publicBaseUrl())
      if (outcome === 'not-invited') return refused(`${member.name} heeft al ingelogd: een uitnodiging is niet meer nodig. Wie het wachtwoord vergat, kiest een nieuw via "Wachtwoord vergeten" op de inlogpagina.`, 409)
      return done(`De uitnodiging is opnieuw verstuurd naar ${member.email}. De vorige link werkt niet meer.`)
    }
    case 'update': {
      const outcome = await changeRole(scope, member.id, action)
      if (!outcome.ok) return 'self' in outcome ? refused(SELF_REFUSED, 403) : json(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
      return outcome.fields.length > 0 ? done(`De rol van ${member.name} is gewijzigd.`) : done('Er was niets te wijzigen.', 'info')
    }
    case 'deactivate':
    case 'reactivate': {
      const active = action.intent === 'reactivate'
      const outcome = await setStaffActive(scope, member.id, active)
      if (outcome === 'self') return refused(SELF_REFUSED, 403)
      if (outcome === 'unchanged') return done(active ? `${member.name} was al actief.` : `${member.name} was al gedeactiveerd.`, 'info')
      return done(
        active
          ? `${member.name} is weer actief.`
          : `${member.name} is gedeactiveerd: inloggen en API-sleutels werken niet meer. Wat ${member.name} deed, blijft bewaard.`,
      )
    }
  }
}
