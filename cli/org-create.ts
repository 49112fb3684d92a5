import { commandLineAdmin } from '#app/features/organisations/organisation-admin'
import { checkRecord } from '#domain/import-record'
import { organisationRecordSchema } from '#app/features/organisations/organisation-form-schema'
import { organisationValues } from '#app/features/organisations/organisation-import.server'
import { createManagedOrganisation } from '#db/queries/organisation-changes'
import { runCommand, UsageError } from './command'

/**
 * `npm run org:create -- SLUG --type TYPE --name NAME [--municipalities NIS,…]`: an OCMW, VDAB team, outreach
 * partner or platform team, checked like the form at /admin/organisaties (same schema, same Dutch reasons).
 */
const usage = 'npm run org:create -- SLUG --type ocmw|vdab|outreach_partner|platform --name NAME [--municipalities NIS,…] [--contact-email E] [--dpo-email E]'

const options = {
  type: { type: 'string' },
  name: { type: 'string' },
  municipalities: { type: 'string' },
  'contact-email': { type: 'string' },
  'dpo-email': { type: 'string' },
} as const

// A reason names the field as the caller wrote it.
const argumentNames: Record<string, string> = {
  slug: 'SLUG',
  type: '--type',
  name: '--name',
  municipalities: '--municipalities',
  contactEmail: '--contact-email',
  dpoEmail: '--dpo-email',
}
const refuse = (field: string, reason: string) => new UsageError(`${argumentNames[field] ?? field}: ${reason}`)

await runCommand(usage, options, async ({ values, positionals, db }) => {
  if (positionals.length !== 1) throw new UsageError('Give exactly one SLUG.')
  const text = (name: keyof typeof options) => values[name] as string | undefined
  const given = {
    slug: positionals[0],
    type: text('type'),
    name: text('name'),
    municipalities: (text('municipalities') ?? '').split(',').map((nis) => nis.trim()).filter((nis) => nis !== ''),
    contactEmail: text('contact-email'),
    dpoEmail: text('dpo-email'),
  }
  const check = checkRecord(organisationRecordSchema, given)
  if (!check.ok) throw refuse(check.issues[0]!.field, check.issues[0]!.reason)
  const { slug, type } = check.record

  const result = await db.transaction((tx) => createManagedOrganisation(tx, commandLineAdmin, { slug, ...organisationValues(check.record) }))
  if (result.kind === 'invalid') {
    const [field, reasons] = Object.entries(result.fieldErrors)[0]!
    throw refuse(field, reasons![0]!)
  }
  const n = new Set(check.record.municipalities).size
  process.stdout.write(`Created ${slug} (${type}, ${n} ${n === 1 ? 'municipality' : 'municipalities'}).\n`)
})
