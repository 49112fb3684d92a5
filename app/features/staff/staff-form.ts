import { z } from 'zod'
import { emailSchema } from '#domain/password-policy'
import { canCoordinate, type Role, roleLabels } from '#domain/permissions'
import { takesRegions } from '#domain/staff-rules'
import { roles } from '#domain/values'
import { organisationTypeLabels } from '#domain/organisation-labels'

/**
 * The forms of the people pages (/admin/gebruikers, /organisatie/medewerkers): inviting someone, and the actions
 * on one person. Role, coordinator mark and regions are checked the same way in both. Whether the actor may give
 * that role in that organisation is the server's part (app/features/staff/staff.server.ts).
 */
export const regionCodes = Array.from({ length: 15 }, (_, i) => `REFREG${String(i + 1).padStart(2, '0')}`)

const roleFields = {
  role: z.enum(roles, { errorMap: () => ({ message: 'Kies een rol uit de lijst.' }) }),
  coordinator: z.boolean().default(false),
  regions: z.array(z.enum(regionCodes as [string, ...string[]], { errorMap: () => ({ message: "Kies regio's uit de lijst." }) })).default([]),
}

type RoleFields = { role: Role; coordinator: boolean; regions: string[] }

function checkRoleFields(value: RoleFields, ctx: z.RefinementCtx) {
  if (takesRegions(value.role) && value.regions.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['regions'], message: 'Kies minstens één referentieregio voor een regionale beheerder.' })
  }
  if (!takesRegions(value.role) && value.regions.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['regions'], message: "Alleen een regionale beheerder heeft referentieregio's. Vink ze uit of kies die rol." })
  }
  if (value.coordinator && !canCoordinate(value.role)) {
    ctx.addIssue({
      code: 'custom',
      path: ['coordinator'],
      message: `Een ${roleLabels[value.role].toLowerCase()} kan geen coördinator zijn: alleen trajectbegeleiders, triage- en outreachmedewerkers.`,
    })
  }
}

export const inviteSchema = z
  .object({
    email: z.string({ required_error: 'Vul het e-mailadres in.' }).pipe(emailSchema),
    name: z
      .string({ required_error: 'Vul de naam in.' })
      .trim()
      .min(1, 'Vul de naam in.')
      .max(200, 'Gebruik hoogstens 200 tekens.'),
    organisationId: z.string({ required_error: 'Kies een organisatie.' }).uuid('Kies een organisatie uit de lijst.'),
    ...roleFields,
  })
  .superRefine(checkRoleFields)
export type InviteFields = z.input<typeof inviteSchema>
export type InviteInput = z.output<typeof inviteSchema>

export const staffActionSchema = z
  .discriminatedUnion('intent', [
    z.object({ intent: z.literal('resend') }),
    z.object({ intent: z.literal('update'), ...roleFields }),
    z.object({ intent: z.literal('deactivate') }),
    z.object({ intent: z.literal('reactivate') }),
  ])
  .superRefine((value, ctx) => {
    if (value.intent === 'update') checkRoleFields(value, ctx)
  })
export type StaffAction = z.output<typeof staffActionSchema>

/** Nobody changes their own role or stops their own account: the page says so, and the server refuses. */
export const SELF_REFUSED =
  'Je eigen rol wijzigen of jezelf deactiveren kan niet: zo sluit je jezelf niet per ongeluk buiten, en beslist altijd iemand anders over jouw rechten. Vraag het aan een andere beheerder of coördinator.'

export const staffStatusLabels = { active: 'Actief', invited: 'Uitgenodigd, nog niet ingelogd', deactivated: 'Gedeactiveerd' } as const

/** "Triagemedewerker, coördinator": how the pages and the invitation name someone's role. */
export const roleWithMark = (role: Role, coordinator: boolean) => (coordinator ? `${roleLabels[role]}, coördinator` : roleLabels[role])

/** "OCMW Gent (OCMW, demo)": demo organisations may carry the name of a real one. */
export const organisationLabel = (o: { name: string; type: keyof typeof organisationTypeLabels; demo: boolean }) =>
  `${o.name} (${organisationTypeLabels[o.type]}${o.demo ? ', demo' : ''})`
