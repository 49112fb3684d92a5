import type { Tx } from '#db/client'
import type { ImportIssue } from '#app/features/placement-import/import.server'
import { csvFormat } from '#app/features/placement-import/csv'
import { parseImportFile, type RecordFormat } from '#app/features/placement-import/parse'
import type { OrganisationAdmin } from '#db/queries/organisation-admin'
import { createManagedOrganisation, type FieldErrors, updateManagedOrganisation } from '#db/queries/organisation-changes'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { checkRecord } from '#domain/import-record'
import { type OrganisationRecord, organisationRecordFields, organisationRecordSchema } from './organisation-form-schema'

/**
 * `npm run orgs:import -- FILE`: organisations upserted by slug from a JSON array (or NDJSON) or a CSV with the
 * columns slug,type,name,municipalities,contactEmail,dpoEmail,firstContactDays (municipalities `|`-separated).
 * The files are read like the placement import's (app/features/placement-import/parse.ts) and each record is checked like the form.
 * All or nothing: every record is tried in one transaction, which is rolled back when any of them is refused,
 * so the report names every bad record. A field left out keeps what is stored (JSON null clears an address);
 * the slug never changes, and an employer cannot be touched.
 */
export const organisationFile: RecordFormat = { csv: csvFormat(organisationRecordFields.shape), singular: 'organisatie', plural: 'organisaties' }

export type OrganisationImportResult =
  | { ok: true; imported: number; updated: number }
  | { ok: false; kind: 'file'; line: number | null; reason: string }
  | { ok: false; kind: 'records'; errors: ImportIssue[] }

class Refused extends Error {
  constructor(readonly errors: ImportIssue[]) {
    super('the import was refused')
  }
}

/** The record without its slug: the values a create or update takes. */
export const organisationValues = ({ slug: _, ...values }: OrganisationRecord) => values

const issuesOf = (record: number, fieldErrors: FieldErrors): ImportIssue[] =>
  Object.entries(fieldErrors).flatMap(([field, reasons]) => (reasons ?? []).map((reason) => ({ record, field, reason })))

export async function importOrganisations(database: Tx, text: string, fileName: string, admin: OrganisationAdmin): Promise<OrganisationImportResult> {
  const parsed = parseImportFile(text, fileName, organisationFile)
  if (!parsed.ok) return { ok: false, kind: 'file', line: parsed.line, reason: parsed.reason }
  try {
    return await database.transaction(async (tx) => {
      const errors: ImportIssue[] = []
      const counts = { imported: 0, updated: 0 }
      const firstWithSlug = new Map<string, number>()
      for (const item of parsed.records) {
        if ('issue' in item) {
          errors.push({ record: item.record, ...item.issue })
          continue
        }
        const check = checkRecord(organisationRecordSchema, item.value)
        if (!check.ok) {
          errors.push(...check.issues.map((issue) => ({ record: item.record, ...issue })))
          continue
        }
        const { slug } = check.record
        const first = firstWithSlug.get(slug)
        if (first !== undefined) {
          errors.push({ record: item.record, field: 'slug', reason: `Record ${first} heeft dezelfde slug al.` })
          continue
        }
        firstWithSlug.set(slug, item.record)
        const existing = await findOrganisationBySlug(tx, slug)
        if (existing?.type === 'employer') {
          errors.push({ record: item.record, field: 'slug', reason: `"${slug}" is een werkgever. Werkgevers beheer je onder /admin/werkgevers, niet met deze import.` })
          continue
        }
        const values = organisationValues(check.record)
        const result = existing ? await updateManagedOrganisation(tx, admin, existing.id, values) : await createManagedOrganisation(tx, admin, { slug, ...values })
        if (result.kind === 'invalid') errors.push(...issuesOf(item.record, result.fieldErrors))
        else if (result.kind === 'not-found') throw new Error(`organisation ${slug} is out of the importer's scope`)
        else if (result.created) counts.imported++
        else if (result.changed.length > 0) counts.updated++
      }
      if (errors.length > 0) throw new Refused(errors)
      return { ok: true as const, ...counts }
    })
  } catch (error) {
    if (error instanceof Refused) return { ok: false, kind: 'records', errors: error.errors }
    throw error
  }
}
