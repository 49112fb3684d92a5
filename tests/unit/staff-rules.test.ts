import { describe, expect, it } from 'vitest'
import { organisationTypesByRole, type Role } from '#domain/permissions'
import { assignableRoles, organisationTypesForReach, rolesByReach, staffReach } from '#domain/staff-rules'
import { inviteSchema, staffActionSchema } from '#app/features/staff/staff-form'
import { parseWithZod } from '#app/utils/parse-form'
import { roles } from '#domain/values'

describe('staffReach', () => {
  it.each<[Role, boolean, ReturnType<typeof staffReach>]>([
    ['platform_admin', false, 'all'],
    ['regional_admin', false, 'regions'],
    ['triage_worker', true, 'organisation'],
    ['caseworker', true, 'organisation'],
    ['outreach_worker', true, 'organisation'],
    ['triage_worker', false, undefined],
    ['caseworker', false, undefined],
    ['employer', true, undefined],
    ['employer', false, undefined],
  ])('%s (coordinator: %s) → %s', (role, coordinator, reach) => {
    expect(staffReach({ role, coordinator })).toBe(reach)
  })
})

describe('assignableRoles', () => {
  it('lets a platform admin give every role in an organisation of a fitting type, and only there', () => {
    for (const role of roles) {
      for (const type of ['ocmw', 'vdab', 'employer', 'outreach_partner', 'platform'] as const) {
        expect(assignableRoles('all', type).includes(role), `${role} in ${type}`).toBe(organisationTypesByRole[role].includes(type))
      }
    }
  })

  it('never lets a regional admin or a coordinator give an admin role', () => {
    for (const reach of ['regions', 'organisation'] as const) {
      for (const type of organisationTypesForReach(reach)) {
        expect(assignableRoles(reach, type)).not.toContain('regional_admin')
        expect(assignableRoles(reach, type)).not.toContain('platform_admin')
      }
    }
    expect(organisationTypesForReach('regions')).not.toContain('platform')
    expect(organisationTypesForReach('all')).toContain('platform')
  })

  it('gives a regional admin staff roles and the employer role, each where it fits', () => {
    expect(assignableRoles('regions', 'ocmw')).toEqual(['caseworker', 'triage_worker'])
    expect(assignableRoles('regions', 'outreach_partner')).toEqual(['outreach_worker'])
    expect(assignableRoles('regions', 'employer')).toEqual(['employer'])
  })

  it('gives a coordinator only the staff roles of their kind of organisation', () => {
    expect(rolesByReach.organisation).toEqual(['caseworker', 'triage_worker', 'outreach_worker'])
    expect(assignableRoles('organisation', 'vdab')).toEqual(['caseworker', 'triage_worker'])
    expect(assignableRoles('organisation', 'outreach_partner')).toEqual(['outreach_worker'])
    expect(assignableRoles('organisation', 'employer')).toEqual([])
  })
})

const form = (entries: Record<string, string | string[]>) => {
  const data = new FormData()
  for (const [name, value] of Object.entries(entries)) for (const v of [value].flat()) data.append(name, v)
  return data
}
/** The field errors of a refused submission; undefined for an accepted one. */
const errorsOf = (submission: { status?: string; error?: Record<string, string[] | null> | null }) =>
  submission.status === 'error' ? submission.error : undefined
const invite = { email: ' An.Peeters@Gent.Example ', name: 'An Peeters', organisationId: '6f1c2a4e-6a8f-4d8e-9c39-1f0b3f4f2a10' }

describe('the invitation form', () => {
  it('accepts a coordinator triage worker and a regional admin with regions, and normalises the address', () => {
    const staff = parseWithZod(form({ ...invite, role: 'triage_worker', coordinator: 'on' }), { schema: inviteSchema })
    expect(staff.status).toBe('success')
    expect(staff.status === 'success' && staff.value).toMatchObject({ email: 'an.peeters@gent.example', coordinator: true, regions: [] })
    const admin = parseWithZod(form({ ...invite, role: 'regional_admin', regions: ['REFREG13', 'REFREG01'] }), { schema: inviteSchema })
    expect(admin.status === 'success' && admin.value).toMatchObject({ role: 'regional_admin', coordinator: false, regions: ['REFREG13', 'REFREG01'] })
  })

  it('refuses regions without the regional admin role, a regional admin without regions, and a coordinator mark on an admin', () => {
    const errors = (entries: Record<string, string | string[]>) => errorsOf(parseWithZod(form({ ...invite, ...entries }), { schema: inviteSchema }))
    expect(errors({ role: 'caseworker', regions: 'REFREG13' })?.regions).toEqual(["Alleen een regionale beheerder heeft referentieregio's. Vink ze uit of kies die rol."])
    expect(errors({ role: 'regional_admin' })?.regions).toEqual(['Kies minstens één referentieregio voor een regionale beheerder.'])
    expect(errors({ role: 'platform_admin', coordinator: 'on' })?.coordinator?.[0]).toMatch(/^Een platformbeheerder kan geen coördinator zijn/)
    expect(errors({ role: 'regional_admin', regions: 'REFREG16' })?.['regions[0]']).toEqual(["Kies regio's uit de lijst."])
    expect(errors({ role: 'king' })?.role).toEqual(['Kies een rol uit de lijst.'])
    expect(errorsOf(parseWithZod(form({ role: 'caseworker' }), { schema: inviteSchema }))).toMatchObject({
      email: ['Vul het e-mailadres in.'],
      name: ['Vul de naam in.'],
      organisationId: ['Kies een organisatie.'],
    })
  })
})

describe('the actions on one person', () => {
  it('checks a role change like an invitation and needs nothing for the other intents', () => {
    expect(parseWithZod(form({ intent: 'update', role: 'outreach_worker', coordinator: 'on' }), { schema: staffActionSchema }).status).toBe('success')
    expect(errorsOf(parseWithZod(form({ intent: 'update', role: 'employer', coordinator: 'on' }), { schema: staffActionSchema }))?.coordinator).toHaveLength(1)
    for (const intent of ['resend', 'deactivate', 'reactivate']) {
      expect(parseWithZod(form({ intent }), { schema: staffActionSchema }).status, intent).toBe('success')
    }
    expect(parseWithZod(form({ intent: 'delete' }), { schema: staffActionSchema }).status).toBe('error')
  })
})
