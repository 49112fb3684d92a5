import { createPasswordLink, INVITATION_LINK_DAYS } from '#app/auth/password.server'
import { type Permission, roleLabels } from '#domain/permissions'
import { requireUserWithPermission } from '#app/auth/session.server'
import { assignableRoles, type StaffReach, staffScope } from '#domain/staff-rules'
import type { StaffArea } from './staff-areas'
import { type InviteInput, roleWithMark } from './staff-form'
import { db, type Tx } from '#db/client'
import { findOrganisationInScope, getStaffMember } from '#db/queries/staff'
import { type StaffScope } from '#domain/staff-rules'
import {
  changeStaffRole,
  deactivateStaff,
  dropUnusedPasswordLinks,
  insertInvitedUser,
  reactivateStaff,
  recordInvitationResent,
  type RoleChange,
} from '#db/queries/staff-changes'
import type { SessionUser } from '#domain/session-user'
import { sendEmail } from '#emails/send.server'

/**
 * Inviting and managing people: the rules of domain/staff-rules.ts around the queries of db/queries/staff*.ts,
 * one transaction per change (the change, its audit entry and its mail commit together).
 */

const areaAccess: Record<StaffArea, { permission: Permission; reaches: StaffReach[] }> = {
  admin: { permission: 'dashboard:admin', reaches: ['all', 'regions'] },
  organisation: { permission: 'staff:manage-own-org', reaches: ['organisation'] },
}

/** The first line of every people page: signed in, allowed in this area, and whom the user manages there. */
export async function requireStaffScope(request: Request, area: StaffArea): Promise<StaffScope> {
  const { permission, reaches } = areaAccess[area]
  const scope = staffScope(await requireUserWithPermission(request, permission))
  if (!scope || !reaches.includes(scope.reach)) throw new Response('Je hebt geen toegang tot deze pagina.', { status: 403, statusText: 'Forbidden' })
  return scope
}

export const notFound = () => new Response('Deze persoon bestaat niet of valt buiten wie je beheert.', { status: 404 })

type Refusal = { ok: false; fieldErrors: Record<string, string[]> }
const refuse = (field: string, message: string): Refusal => ({ ok: false, fieldErrors: { [field]: [message] } })

function roleMismatch(organisation: { name: string; type: Parameters<typeof assignableRoles>[1] }, reach: StaffReach) {
  const fitting = assignableRoles(reach, organisation.type)
  return fitting.length === 0
    ? `In ${organisation.name} kan je niemand een rol geven.`
    : `In ${organisation.name} kan je kiezen uit: ${fitting.map((role) => roleLabels[role].toLowerCase()).join(', ')}.`
}

type Invitee = { id: string; email: string; name: string; role: InviteInput['role']; coordinator: boolean; organisationName: string }

async function sendInvitation(tx: Tx, actor: SessionUser, invitee: Invitee, baseUrl: string) {
  const link = await createPasswordLink(tx, invitee.id, baseUrl, INVITATION_LINK_DAYS * 24)
  await sendEmail(tx, {
    to: invitee.email,
    template: 'user-invitation',
    props: {
      name: invitee.name,
      inviterName: actor.name,
      organisationName: invitee.organisationName,
      roleLabel: roleWithMark(invitee.role, invitee.coordinator),
      setPasswordUrl: link.url,
      validDays: INVITATION_LINK_DAYS,
    },
    secret: link.token,
  })
}

/** Makes the account and mails the invitation; field errors when the organisation, role or address do not fit. */
export async function inviteStaff(scope: StaffScope, input: InviteInput, baseUrl: string): Promise<{ ok: true; id: string } | Refusal> {
  return db().transaction(async (tx) => {
    const organisation = await findOrganisationInScope(tx, scope, input.organisationId)
    if (!organisation?.active) return refuse('organisationId', 'Kies een organisatie uit de lijst.')
    if (!assignableRoles(scope.reach, organisation.type).includes(input.role)) return refuse('role', roleMismatch(organisation, scope.reach))
    const user = await insertInvitedUser(tx, scope, input)
    if (user === 'email-taken') return refuse('email', 'Er bestaat al een account met dit e-mailadres.')
    await sendInvitation(tx, scope.actor, { ...input, id: user.id, organisationName: organisation.name }, baseUrl)
    return { ok: true, id: user.id } as const
  })
}

/** A new invitation with a new link; the earlier links stop working. Only for someone who never signed in. */
export async function resendInvitation(scope: StaffScope, userId: string, baseUrl: string) {
  return db().transaction(async (tx) => {
    const member = await getStaffMember(tx, scope, userId)
    if (!member) throw notFound()
    if (member.status !== 'invited') return 'not-invited' as const
    await dropUnusedPasswordLinks(tx, member.id)
    await sendInvitation(tx, scope.actor, member, baseUrl)
    await recordInvitationResent(tx, scope, member)
    return 'sent' as const
  })
}

/** Role, coordinator mark and regions of someone else; the names of the fields that changed. */
export async function changeRole(scope: StaffScope, userId: string, change: RoleChange): Promise<{ ok: true; fields: string[] } | Refusal | { ok: false; self: true }> {
  return db().transaction(async (tx) => {
    const member = await getStaffMember(tx, scope, userId)
    if (!member) throw notFound()
    if (member.id === scope.actor.id) return { ok: false, self: true } as const
    const organisation = { name: member.organisationName, type: member.organisationType }
    if (!assignableRoles(scope.reach, organisation.type).includes(change.role)) return refuse('role', roleMismatch(organisation, scope.reach))
    return { ok: true, fields: await changeStaffRole(tx, scope, member, change) } as const
  })
}

/** Deactivates or reactivates someone else; 'self' for oneself, 'unchanged' when it was so already. */
export async function setStaffActive(scope: StaffScope, userId: string, active: boolean) {
  return db().transaction(async (tx) => {
    const member = await getStaffMember(tx, scope, userId)
    if (!member) throw notFound()
    if (member.id === scope.actor.id) return 'self' as const
    const done = active ? await reactivateStaff(tx, scope, member) : await deactivateStaff(tx, scope, member)
    return done ? ('done' as const) : ('unchanged' as const)
  })
}
