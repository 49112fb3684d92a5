import { createPasswordLink, INVITATION_LINK_DAYS } from '#app/auth/password.server'
import { emailSchema } from '#domain/password-policy'
import { organisationTypesByRole, type Role } from '#domain/permissions'
import { audit } from '#db/queries/audit'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { listRegions } from '#db/queries/reference'
import { findUserByEmail } from '#db/queries/users'
import { roles } from '#domain/values'
import { createUser } from '#db/seed/factories'
import { publicBaseUrl } from '#app/utils/public-url.server'
import { runCommand, UsageError } from './command'

const usage = 'npm run user:create -- EMAIL --role ROLE [--org SLUG] [--name NAME] [--region REFREGxx …]'

await runCommand(usage, { role: { type: 'string' }, org: { type: 'string' }, name: { type: 'string' }, region: { type: 'string', multiple: true } }, async ({ values, positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one EMAIL address.')
  const email = emailSchema.safeParse(positionals[0])
  if (!email.success) throw new UsageError(`"${positionals[0]}" is not a valid email address.`)
  const role = values.role as string | undefined
  if (!role || !(roles as readonly string[]).includes(role)) {
    throw new UsageError(`${role ? `Unknown role "${role}"` : '--role is required'}; use one of ${roles.join(', ')}.`)
  }
  const allowedTypes = organisationTypesByRole[role as Role]
  const slug = (values.org as string | undefined) ?? (allowedTypes.includes('platform') ? 'stapsteen' : undefined)
  if (!slug) throw new UsageError(`--org is required for role ${role} (the slug of a ${allowedTypes.join(' or ')} organisation).`)

  const link = await db.transaction(async (tx) => {
    const organisation = await findOrganisationBySlug(tx, slug)
    if (!organisation) throw new UsageError(`There is no organisation with slug "${slug}".`)
    if (!allowedTypes.includes(organisation.type)) {
      throw new UsageError(`Role ${role} needs an organisation of type ${allowedTypes.join(' or ')}, but "${slug}" is ${organisation.type}.`)
    }
    if (await findUserByEmail(tx, email.data)) throw new UsageError(`A user with email ${email.data} already exists.`)
    const regions = (values.region as string[] | undefined) ?? []
    const known = new Set((await listRegions(tx)).map((r) => r.code))
    const unknown = regions.filter((r) => !known.has(r))
    if (unknown.length > 0) throw new UsageError(`Unknown reference region ${unknown.join(', ')}; use REFREG01 … REFREG15.`)
    if (role === 'regional_admin' && regions.length === 0) throw new UsageError('A regional_admin needs at least one --region REFREGxx.')
    const name = ((values.name as string | undefined) ?? email.data.split('@')[0] ?? email.data).trim()
    const user = await createUser(tx, { email: email.data, name, role: role as Role, organisationId: organisation.id, regions })
    await audit(tx, { actorUserId: null, action: 'user.create', subjectType: 'user', subjectId: user.id, details: { via: 'cli', role } })
    return (await createPasswordLink(tx, user.id, publicBaseUrl(), INVITATION_LINK_DAYS * 24)).url
  })
  process.stdout.write(`Created ${email.data} (${role}, ${slug}).\nThey set their password within ${INVITATION_LINK_DAYS} days at:\n${link}\n`)
})
