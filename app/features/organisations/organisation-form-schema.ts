import { z } from 'zod'
import { emailSchema } from '#domain/password-policy'
import { NIS_PATTERN } from '#domain/placement-record'

/**
 * An organisation's editable fields (issue 10): one schema for the form at /admin/organisaties, `npm run
 * org:create` and `npm run orgs:import`, so all three refuse the same things with the same Dutch reasons. What
 * needs the database (the slug is free, the NIS codes exist, the admin's regions) is checked in
 * db/queries/organisation-admin.ts.
 */

/** Employers register themselves and are verified at /admin/werkgevers; every other kind is managed here. */
export const managedOrganisationTypes = ['ocmw', 'vdab', 'outreach_partner', 'platform'] as const
export type ManagedOrganisationType = (typeof managedOrganisationTypes)[number]

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

export const organisationMessages = {
  employer: 'Werkgevers beheer je niet hier: ze registreren zich zelf en worden geverifieerd onder /admin/werkgevers.',
  type: `Kies een soort organisatie: ${managedOrganisationTypes.join(', ')}.`,
  municipalitiesRequired: 'Kies minstens één gemeente die deze organisatie bedient.',
  platformServesNone: 'Een platformteam bedient geen gemeenten. Haal alle gemeenten weg.',
}

const typeSchema = z.enum(managedOrganisationTypes, {
  errorMap: (issue, ctx) =>
    issue.code === 'invalid_enum_value' && issue.received === 'employer'
      ? { message: organisationMessages.employer }
      : issue.code === 'invalid_enum_value' || ctx.data === undefined
        ? { message: organisationMessages.type }
        : { message: ctx.defaultError },
})

const slugSchema = z
  .string({ required_error: 'Vul een slug in, zoals ocmw-cluster-kanaalzone.', invalid_type_error: 'Moet een tekst zijn.' })
  .trim()
  .min(3, 'Een slug heeft minstens 3 tekens.')
  .max(60, 'Een slug heeft hoogstens 60 tekens.')
  .regex(SLUG_PATTERN, 'Gebruik alleen kleine letters, cijfers en streepjes (niet vooraan of achteraan), zoals ocmw-cluster-kanaalzone.')

const fields = {
  name: z
    .string({ required_error: 'Vul de naam van de organisatie in.', invalid_type_error: 'Moet een tekst zijn.' })
    .trim()
    .min(2, 'Een naam heeft minstens 2 tekens.')
    .max(120, 'Een naam heeft hoogstens 120 tekens.'),
  type: typeSchema,
  // 400 > the 285 municipalities of Flanders: a longer list is a mistake, not an organisation.
  municipalities: z
    .array(z.string({ invalid_type_error: 'Moet een tekst zijn.' }).trim().regex(NIS_PATTERN, 'Een NIS-code heeft 5 cijfers, zoals 44021 (Gent).'), {
      invalid_type_error: 'Moet een lijst van NIS-codes zijn.',
    })
    .max(400, 'Dat zijn meer gemeenten dan Vlaanderen telt.')
    .default([]),
  // Null only comes from an import (JSON null: clear the address); the form sends an empty field, i.e. absent.
  contactEmail: emailSchema.nullish(),
  dpoEmail: emailSchema.nullish(),
  firstContactDays: z
    .number({ invalid_type_error: 'Vul een heel getal in, van 1 tot 30.' })
    .int('Vul een heel getal in, van 1 tot 30.')
    .min(1, 'Kies minstens 1 werkdag.')
    .max(30, 'Kies hoogstens 30 werkdagen.')
    .nullish(),
}

// The form's shortcut for a VDAB team: every municipality of a reference region, without ticking thirty boxes.
const wholeRegions = z.array(z.string().regex(/^REFREG[0-9]{2}$/, 'Kies regio’s uit de lijst.')).max(15).default([])

type ServedArea = { type: ManagedOrganisationType; municipalities: string[]; wholeRegions?: string[] }

/** OCMWs, VDAB teams and outreach partners serve somewhere (intakes are routed by it); the platform team nowhere. */
function servedAreaFitsType(value: ServedArea, ctx: z.RefinementCtx) {
  const served = value.municipalities.length + (value.wholeRegions?.length ?? 0)
  if (value.type === 'platform' && served > 0) {
    ctx.addIssue({ code: 'custom', path: ['municipalities'], message: organisationMessages.platformServesNone })
  }
  if (value.type !== 'platform' && served === 0) {
    ctx.addIssue({ code: 'custom', path: ['municipalities'], message: organisationMessages.municipalitiesRequired })
  }
}

/** The form on an organisation's page; the slug is fixed once the organisation exists (scripts and links use it). */
export const organisationFormSchema = z.object({ ...fields, wholeRegions }).superRefine(servedAreaFitsType)

/** The form that creates one. */
export const newOrganisationFormSchema = z.object({ slug: slugSchema, ...fields, wholeRegions }).superRefine(servedAreaFitsType)

export type OrganisationFormFields = z.input<typeof newOrganisationFormSchema>
export type OrganisationFormValues = z.output<typeof organisationFormSchema>

/** One record of `orgs:import` and the arguments of `org:create`: the form's fields, and nothing else. */
export const organisationRecordFields = z.object({ slug: slugSchema, ...fields }).strict()
export const organisationRecordSchema = organisationRecordFields.superRefine(servedAreaFitsType)

export type OrganisationRecord = z.output<typeof organisationRecordSchema>

/** Deactivating asks for a tick first, so one click cannot lock out a whole team. */
export const deactivateSchema = z.object({
  confirm: z.literal('on', { errorMap: () => ({ message: 'Vink aan dat je begrijpt wat deactiveren doet.' }) }),
})
