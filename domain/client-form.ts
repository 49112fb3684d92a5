import { z } from 'zod'
import { formatHours, placementFormSchema } from './placement-form'
import { dutchLevelLabels, genericCompetences, instrumentLabels } from './placement-values'

/**
 * The client form (issue 4), shared by the browser (Conform's live validation) and the server. It asks only
 * what matching needs (data minimisation): no address, no birth date, no national register number. Where the
 * client lives is resolved against the reference data on the server (db/queries/clients.ts), which the browser
 * does not have.
 */
const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]]
const choice = <T extends string>(values: [T, ...T[]], message: string) => z.enum(values, { errorMap: () => ({ message }) })

export const MAX_JOB_TARGETS = 5

// Competences and the jobdoelwit work exactly as in the placement editor: the same rules, from its schema.
const placementFields = placementFormSchema({ siteIds: [], today: '' }).shape

/** The placement labels describe what a place asks; "none" needs saying about a person instead. */
export const clientDutchLevelLabels: typeof dutchLevelLabels = {
  ...dutchLevelLabels,
  none: { label: 'Geen Nederlands (nog niet)', help: 'Kan werken met gebaren, voorbeelden of in een andere taal.' },
}

/** The placement labels' help speaks to the employer ("bij u"); the caseworker reads of the employer instead. */
export const clientInstrumentLabels: typeof instrumentLabels = {
  ...instrumentLabels,
  TWE_ART60: { label: instrumentLabels.TWE_ART60.label, help: 'Het OCMW neemt de cliënt in dienst en stelt hem of haar tewerk bij de werkgever.' },
  IBO: { label: instrumentLabels.IBO.label, help: 'Individuele beroepsopleiding: VDAB-opleiding op de werkvloer, waarna de werkgever de cliënt in dienst neemt.' },
  WES: { label: instrumentLabels.WES.label, help: 'Werkervaringsstage: werkervaring opdoen onder begeleiding, zonder arbeidscontract bij de werkgever.' },
  BIS: { label: instrumentLabels.BIS.label, help: 'Beroepsinlevingsstage: een stage met een stagevergoeding die de werkgever betaalt.' },
}

// A postcode (optionally followed by the municipality, "9000 Gent"), or a municipality's name.
const HOME = /^([1-9]\d{3}(\s+\D.*)?|\D.*)$/

const optionalText = (max: number, what: string) => z.string().trim().max(max, `${what} is te lang: hoogstens ${max} tekens.`).optional()

const jobTarget = z.object({
  // The search text of the occupation picker; only the URI is saved.
  query: z.string().optional(),
  uri: placementFields.occupationUri,
})

export const clientFormSchema = z.object({
  displayName: z
    .string({ required_error: 'Vul een naam of initialen in, zodat jij en je collega’s de cliënt herkennen.' })
    .trim()
    .min(1, 'Vul een naam of initialen in, zodat jij en je collega’s de cliënt herkennen.')
    .max(80, 'De naam is te lang: hoogstens 80 tekens. Initialen volstaan.'),
  firstName: optionalText(50, 'De voornaam'),
  home: z
    .string({ required_error: 'Vul de postcode of de gemeente in waar de cliënt woont.' })
    .trim()
    .max(60, 'Vul alleen de postcode of de gemeente in, bijvoorbeeld 9000 of Gent.')
    .regex(HOME, 'Vul een postcode van 4 cijfers in (bijvoorbeeld 9000) of de naam van de gemeente.'),
  // Only asked when the postcode lies in two municipalities (1804: Vilvoorde and Zemst).
  homeMunicipalityNis: z.string().regex(/^\d{5}$/, 'Kies de gemeente uit de lijst.').optional(),
  contact: optionalText(200, 'Het contact'),
  jobTargets: z
    .array(jobTarget)
    .min(1, 'Kies minstens één jobdoelwit.')
    .max(MAX_JOB_TARGETS, `Kies hoogstens ${MAX_JOB_TARGETS} jobdoelwitten.`)
    .superRefine((targets, ctx) => {
      targets.forEach((target, index) => {
        const first = targets.findIndex((other) => other.uri === target.uri)
        if (first < index) {
          ctx.addIssue({ code: 'custom', path: [index, 'uri'], message: `Dit beroep is al jobdoelwit ${first + 1}. Kies een ander beroep of verwijder dit.` })
        }
      })
    }),
  competences: placementFields.competences,
  otherCompetences: placementFields.otherCompetences,
  dutchLevel: choice(keysOf(clientDutchLevelLabels), 'Kies hoe goed de cliënt Nederlands spreekt.'),
  maxDistanceKm: z
    .number({ required_error: 'Vul in hoe ver de cliënt wil reizen, in km.', invalid_type_error: 'Vul een getal in, bijvoorbeeld 20.' })
    .int('Vul een heel aantal km in, zonder komma.')
    .min(0, 'De afstand kan niet negatief zijn.')
    .max(300, 'Hoogstens 300 km.'),
  hoursAvailable: z
    .string({ required_error: 'Vul in hoeveel uur per week de cliënt kan werken.' })
    .trim()
    .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'Vul een getal in, bijvoorbeeld 19 of 19,5.')
    .transform((text) => Number(text.replace(',', '.')))
    .pipe(z.number().min(1, 'Vul minstens 1 uur per week in.').max(60, 'Hoogstens 60 uur per week.')),
  instruments: z.array(choice(keysOf(instrumentLabels), 'Kies de maatregelen uit de lijst.')),
  notes: optionalText(2000, 'De notitie'),
})

export type ClientForm = z.infer<typeof clientFormSchema>
/** The form's fields as the browser sends them (for Conform's useForm). */
export type ClientFormFields = z.input<typeof clientFormSchema>

/** Where the client lives, as the server resolved the form's `home` against the reference data. */
export type ClientHome = { homeMunicipalityNis: string; postcode: string | null }

/** What db/queries/clients.ts saves: the form's values in the shape of a client row. */
export type ClientInput = ClientHome & {
  displayName: string
  firstName: string | null
  contact: string | null
  /** ESCO occupation URIs, most wanted first. */
  jobTargets: string[]
  competences: string[]
  dutchLevel: ClientForm['dutchLevel']
  maxDistanceKm: number
  hoursAvailable: number
  instruments: ClientForm['instruments']
  notes: string | null
}

const unique = <T>(values: readonly T[]) => [...new Set(values)]

export function toClientInput(form: ClientForm, home: ClientHome): ClientInput {
  return {
    ...home,
    displayName: form.displayName,
    firstName: form.firstName || null,
    contact: form.contact || null,
    jobTargets: form.jobTargets.map((target) => target.uri),
    competences: unique([...form.competences, ...form.otherCompetences]),
    dutchLevel: form.dutchLevel,
    maxDistanceKm: form.maxDistanceKm,
    hoursAvailable: form.hoursAvailable,
    instruments: unique(form.instruments),
    notes: form.notes || null,
  }
}

type StoredClient = Omit<ClientInput, 'jobTargets' | 'homeMunicipalityNis'> & {
  homeMunicipalityNis: string
  municipality: string
  jobTargets: readonly { uri: string; label: string }[]
}

/** The form's starting values for a saved client: the inverse of toClientInput. */
export function clientFormDefaults(client: StoredClient) {
  const isGeneric = (c: string) => (genericCompetences as readonly string[]).includes(c)
  return {
    displayName: client.displayName,
    firstName: client.firstName ?? '',
    home: client.postcode ?? client.municipality,
    homeMunicipalityNis: client.homeMunicipalityNis,
    contact: client.contact ?? '',
    jobTargets: client.jobTargets.map((target) => ({ query: target.label, uri: target.uri })),
    competences: client.competences.filter(isGeneric),
    otherCompetences: client.competences.filter((c) => !isGeneric(c)).join('\n'),
    dutchLevel: client.dutchLevel,
    maxDistanceKm: String(client.maxDistanceKm),
    hoursAvailable: formatHours(client.hoursAvailable),
    instruments: [...client.instruments],
    notes: client.notes ?? '',
  }
}

/** A new client starts with one empty jobdoelwit. */
export const newClientDefaults = { jobTargets: [{ query: '', uri: '' }] }
