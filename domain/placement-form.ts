import { z } from 'zod'
import { dutchLevelLabels, genericCompetences, instrumentLabels, scheduleLabels, supportLabels } from './placement-values'

/**
 * The placement editor's form, shared by the browser (Conform's live validation) and the server (the same
 * rules again, against the database's own list of sites). Value lists come from the label tables, whose
 * keys the type system ties to the database enums, so this module stays free of server code.
 */
const keysOf = <T extends string>(record: Record<T, unknown>) => Object.keys(record) as [T, ...T[]]

const instrumentValues = keysOf(instrumentLabels)
const dutchLevelValues = keysOf(dutchLevelLabels)
const scheduleValues = keysOf(scheduleLabels)
const supportValues = keysOf(supportLabels)

const MAX_LIST_ITEMS = 30
const MAX_TASK_LENGTH = 300
// The exchange format (docs/schemas/placement.schema.json) allows 200 characters per competence and 30 in
// all; the five generic ones leave room for 25 of the employer's own.
const MAX_COMPETENCE_LENGTH = 200
const MAX_OWN_COMPETENCES = MAX_LIST_ITEMS - genericCompetences.length

const ESCO_OCCUPATION_URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

const isoDate = (message: string) => z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, message).refine(isRealDate, message)

/** A textarea with one item per line; errors name the line, so people find it in a long list. */
const lines = ({ what, maxItems, maxLength }: { what: string; maxItems: number; maxLength: number }) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      const raw = (text ?? '').split(/\r?\n/).map((line) => line.trim())
      const items = raw.filter(Boolean)
      if (items.length > maxItems) {
        ctx.addIssue({ code: 'custom', message: `Geef hoogstens ${maxItems} ${what}, één per regel. Nu zijn het er ${items.length}.` })
      }
      const long = raw.findIndex((line) => line.length > maxLength)
      if (long >= 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Regel ${long + 1} is ${raw[long]!.length} tekens lang; maak ze korter dan ${maxLength + 1} tekens.`,
        })
      }
      return items
    })

const choice = <T extends string>(values: [T, ...T[]], message: string) => z.enum(values, { errorMap: () => ({ message }) })

/** `siteIds`: the employer's own sites (from the database on the server); `today`: Belgian date, YYYY-MM-DD. */
export function placementFormSchema({ siteIds, today }: { siteIds: readonly string[]; today: string }) {
  return z.object({
    title: z
      .string({ required_error: 'Geef de plaats een titel, bijvoorbeeld "Hulp in de bakkerij".' })
      .trim()
      .min(2, 'De titel is te kort: minstens 2 tekens.')
      .max(160, 'De titel is te lang: hoogstens 160 tekens.'),
    // The search text of the occupation picker; only occupationUri is saved.
    occupationQuery: z.string().optional(),
    occupationUri: z
      .string({ required_error: 'Kies een beroep als jobdoelwit: zoek het en kies het uit de lijst.' })
      .regex(ESCO_OCCUPATION_URI, 'Kies een beroep als jobdoelwit: zoek het en kies het uit de lijst.'),
    description: z
      .string({ required_error: 'Beschrijf de plaats in een paar zinnen.' })
      .trim()
      .min(10, 'De beschrijving is te kort: minstens 10 tekens.')
      .max(8000, 'De beschrijving is te lang: hoogstens 8000 tekens.'),
    tasks: lines({ what: 'taken', maxItems: MAX_LIST_ITEMS, maxLength: MAX_TASK_LENGTH }),
    competences: z.array(choice([...genericCompetences], 'Kies competenties uit de lijst.')),
    otherCompetences: lines({ what: 'eigen competenties', maxItems: MAX_OWN_COMPETENCES, maxLength: MAX_COMPETENCE_LENGTH }),
    siteId: z
      .string({ required_error: 'Kies de vestiging waar de persoon zal werken.' })
      .refine((id) => siteIds.includes(id), 'Kies een van de vestigingen van uw organisatie.'),
    hoursPerWeek: z
      .string({ required_error: 'Vul het aantal uren per week in.' })
      .trim()
      .regex(/^\d{1,3}([.,]\d{1,2})?$/, 'Vul een getal in, bijvoorbeeld 19 of 19,5.')
      .transform((text) => Number(text.replace(',', '.')))
      .pipe(z.number().gt(0, 'Vul meer dan 0 uur per week in.').max(40, 'Een plaats telt hoogstens 40 uur per week.')),
    schedule: z
      .array(choice(scheduleValues, 'Kies wanneer er gewerkt wordt uit de lijst.'))
      .min(1, 'Kies minstens één moment waarop er gewerkt wordt.'),
    startDate: isoDate('Vul een geldige startdatum in, bijvoorbeeld 2026-03-01.').optional(),
    places: z
      .number({ required_error: 'Vul het aantal plaatsen in.', invalid_type_error: 'Vul het aantal plaatsen in als getal, bijvoorbeeld 2.' })
      .int('Vul een heel aantal plaatsen in, zonder komma.')
      .min(1, 'Er is minstens 1 plaats.')
      .max(500, 'Hoogstens 500 plaatsen.'),
    fullUntil: isoDate('Vul een geldige datum in, bijvoorbeeld 2026-06-30.')
      .refine((date) => date >= today, 'Deze datum is al voorbij. Laat het veld leeg als er nu een plaats vrij is.')
      .optional(),
    dutchLevel: choice(dutchLevelValues, 'Kies hoeveel Nederlands nodig is.'),
    support: z.array(choice(supportValues, 'Kies de ondersteuning uit de lijst.')),
    instruments: z
      .array(choice(instrumentValues, 'Kies de maatregelen uit de lijst.'))
      .min(1, 'Kies minstens één maatregel waarmee iemand bij u kan starten.'),
  })
}

export type PlacementForm = z.infer<ReturnType<typeof placementFormSchema>>
/** The form's fields as the browser sends them (for Conform's useForm). */
export type PlacementFormFields = z.input<ReturnType<typeof placementFormSchema>>

/** What the editor saves: the form's values in the shape of a placement row. */
export type PlacementInput = Omit<PlacementForm, 'occupationQuery' | 'otherCompetences' | 'competences' | 'startDate' | 'fullUntil'> & {
  /** The generic competences ticked, then the employer's own. */
  competences: string[]
  startDate: string | null
  fullUntil: string | null
}

const unique = <T>(values: readonly T[]) => [...new Set(values)]

export function toPlacementInput(form: PlacementForm): PlacementInput {
  const { occupationQuery: _query, otherCompetences, startDate, fullUntil, ...rest } = form
  return {
    ...rest,
    competences: unique([...form.competences, ...otherCompetences]),
    schedule: unique(form.schedule),
    support: unique(form.support),
    instruments: unique(form.instruments),
    startDate: startDate ?? null,
    fullUntil: fullUntil ?? null,
  }
}

/** Hours as people write them in Belgium: 19,5 rather than 19.5. */
export const formatHours = (hours: number) => String(hours).replace('.', ',')

/** A placement as stored: the database keeps the value lists as plain text. */
type StoredPlacement = Pick<PlacementInput, 'title' | 'occupationUri' | 'description' | 'hoursPerWeek' | 'places' | 'startDate' | 'fullUntil'> & {
  siteId: string | null
  tasks: readonly string[]
  competences: readonly string[]
  schedule: readonly string[]
  support: readonly string[]
  instruments: readonly string[]
  dutchLevel: string
}

/** The editor's starting values for a saved placement: the inverse of toPlacementInput. */
export function placementFormDefaults(placement: StoredPlacement) {
  const isGeneric = (c: string): c is (typeof genericCompetences)[number] => (genericCompetences as readonly string[]).includes(c)
  return {
    title: placement.title,
    occupationUri: placement.occupationUri,
    description: placement.description,
    tasks: placement.tasks.join('\n'),
    competences: placement.competences.filter(isGeneric),
    otherCompetences: placement.competences.filter((c) => !isGeneric(c)).join('\n'),
    siteId: placement.siteId,
    hoursPerWeek: formatHours(placement.hoursPerWeek),
    schedule: [...placement.schedule],
    startDate: placement.startDate,
    places: String(placement.places),
    fullUntil: placement.fullUntil,
    dutchLevel: placement.dutchLevel,
    support: [...placement.support],
    instruments: [...placement.instruments],
  }
}
