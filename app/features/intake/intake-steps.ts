import { z } from 'zod'
import {
  contactMethods,
  contactMoments,
  dutchSelfAssessments,
  intakeBarriers,
  intakeLanguages,
  intakeSituations,
  workWishes,
} from '#domain/values'

/**
 * The public intake form (issue 5): one question group per screen, then a summary. One Zod schema per step,
 * shared by the browser (Conform validates while typing) and the server. Every message is a key of the
 * `intake` translations (errors.*), so the person reads it in their own language; what needs the database
 * (does the postcode lie in Flanders) the server adds as a field error with a key too.
 */
export const intakeSteps = ['naam', 'contact', 'woonplaats', 'geboortejaar', 'situatie', 'werk', 'drempels', 'nederlands', 'voorkeur', 'toestemming'] as const
export type IntakeStep = (typeof intakeSteps)[number]
export const isIntakeStep = (value: unknown): value is IntakeStep => (intakeSteps as readonly unknown[]).includes(value)

/** The summary counts as the last step: "stap 11 van 11". */
export const SUMMARY_STEP = 'controle'
export const TOTAL_STEPS = intakeSteps.length + 1

export const trainingWishes = ['yes', 'no', 'unknown'] as const
export const educationAnswers = ['yes', 'no'] as const
export const contactLanguageChoices = [...intakeLanguages, 'other'] as const

/** Age limits of a plausible birth year: the form is for people of working age. */
export const MIN_AGE = 15
export const MAX_AGE = 100

const error = (key: string) => `errors.${key}`
const messages = (key: string) => ({ required_error: error(key), invalid_type_error: error(key) })

const requiredText = (key: string, max: number) => z.string(messages(key)).trim().min(1, error(key)).max(max, error('tooLong'))
// A field of only spaces counts as empty.
const optionalText = (max: number) =>
  z
    .string(messages('invalid'))
    .trim()
    .max(max, error('tooLong'))
    .optional()
    .transform((value) => value || undefined)
const choice = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z.enum(values, { errorMap: () => ({ message: error(key) }) })
const choices = <T extends readonly [string, ...string[]]>(values: T, key: string) =>
  z
    .array(choice(values, key), messages(key))
    .default([])
    .transform((list) => [...new Set(list)])

/** Phone numbers as people write them (0470 12 34 56, +380 …); stored without spaces or dots. */
const normalisePhone = (value: string) => value.replace(/[\s./()-]/g, '').replace(/^00/, '+')
const phone = z
  .string(messages('phoneInvalid'))
  .trim()
  .max(30, error('phoneInvalid'))
  .transform(normalisePhone)
  .refine((value) => /^\+?\d{8,15}$/.test(value), error('phoneInvalid'))
const email = z.string(messages('emailInvalid')).trim().max(254, error('emailInvalid')).email(error('emailInvalid'))

/** How the person may be reached; the field of the chosen way is required. Also the status page's correction form. */
export const contactSchema = z
  .object({ contactMethod: choice(contactMethods, 'contactMethodRequired'), phone: phone.optional(), email: email.optional() })
  .superRefine((value, ctx) => {
    if (value.contactMethod === 'phone' && !value.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: error('phoneRequired') })
    if (value.contactMethod === 'email' && !value.email) ctx.addIssue({ code: 'custom', path: ['email'], message: error('emailRequired') })
  })

const birthYear = z
  .number({ required_error: error('birthYearRequired'), invalid_type_error: error('birthYearInvalid') })
  .int(error('birthYearInvalid'))
  // The range moves with the calendar, so it is checked when the form is sent, not when this module loads.
  .refine((year) => {
    const now = new Date().getFullYear()
    return year >= now - MAX_AGE && year <= now - MIN_AGE
  }, error('birthYearRange'))

export const stepSchemas = {
  naam: z.object({ firstName: requiredText('firstNameRequired', 80), lastName: optionalText(80) }),
  contact: contactSchema,
  woonplaats: z.object({
    postcode: z.string(messages('postcodeRequired')).trim().regex(/^\d{4}$/, error('postcodeInvalid')),
    // Only asked when the postcode lies in two municipalities (1804: Vilvoorde and Zemst).
    municipalityNis: z.string(messages('municipalityChoose')).regex(/^\d{5}$/, error('municipalityChoose')).optional(),
  }),
  geboortejaar: z.object({ birthYear }),
  situatie: z.object({ situation: choice(intakeSituations, 'situationRequired'), inEducation: choice(educationAnswers, 'inEducationRequired') }),
  werk: z.object({ wantsWork: choice(workWishes, 'wantsWorkRequired'), wantsTraining: choice(trainingWishes, 'wantsTrainingRequired') }),
  drempels: z
    .object({ barriers: choices(intakeBarriers, 'barriersInvalid'), barrierOther: optionalText(200) })
    .refine((value) => !value.barriers.includes('other') || value.barrierOther, { path: ['barrierOther'], message: error('barrierOtherRequired') })
    // Text under "something else" means something else, also when its box was not ticked.
    .transform((value) => (value.barrierOther && !value.barriers.includes('other') ? { ...value, barriers: [...value.barriers, 'other' as const] } : value)),
  nederlands: z.object({ dutchSelfAssessment: choice(dutchSelfAssessments, 'dutchRequired') }),
  voorkeur: z
    .object({
      contactLanguage: choice(contactLanguageChoices, 'contactLanguageRequired'),
      contactLanguageOther: optionalText(40),
      contactMoments: choices(contactMoments, 'contactMomentsInvalid'),
    })
    .refine((value) => value.contactLanguage !== 'other' || value.contactLanguageOther, {
      path: ['contactLanguageOther'],
      message: error('contactLanguageOtherRequired'),
    }),
  toestemming: z.object({
    consentProcessing: z.boolean(messages('consentProcessingRequired')).refine((given) => given, error('consentProcessingRequired')),
    consentSharing: z.boolean(messages('consentSharingInvalid')).default(false),
  }),
} satisfies Record<IntakeStep, z.ZodTypeAny>

/** The status page's erasure request: a ticked box, so one stray tap does not erase a file. */
export const erasureSchema = z.object({
  confirm: z.boolean(messages('erasureConfirmRequired')).refine((given) => given, error('erasureConfirmRequired')),
})

/** The summary page's form: the key of the answers it showed, so a second send of the same page is recognised. */
export const submitSchema = z.object({ submissionKey: z.string() })

export type StepSchemas = typeof stepSchemas
export type StepValues<S extends IntakeStep> = z.output<StepSchemas[S]>
/** The answers so far, per step: only valid answers of whole steps are ever kept. */
export type IntakeAnswers = { [S in IntakeStep]?: StepValues<S> }
export type CompleteAnswers = { [S in IntakeStep]: StepValues<S> }

/** The first step without an answer: the form never skips ahead of it. */
export const firstMissingStep = (answers: IntakeAnswers) => intakeSteps.find((step) => answers[step] === undefined)

export const isComplete = (answers: IntakeAnswers): answers is CompleteAnswers => firstMissingStep(answers) === undefined

export const stepNumber = (step: IntakeStep) => intakeSteps.indexOf(step) + 1

export const nextStep = (step: IntakeStep): IntakeStep | typeof SUMMARY_STEP => intakeSteps[stepNumber(step)] ?? SUMMARY_STEP

export const previousStep = (step: IntakeStep): IntakeStep | undefined => intakeSteps[stepNumber(step) - 2]

/** Keeps the valid answers of stored steps, drops the rest (e.g. after a change of the form). */
export function parseAnswers(stored: unknown): IntakeAnswers {
  const answers: Record<string, unknown> = {}
  if (typeof stored !== 'object' || stored === null) return answers
  for (const step of intakeSteps) {
    const value = (stored as Record<string, unknown>)[step]
    if (value === undefined) continue
    const parsed = stepSchemas[step].safeParse(value)
    if (parsed.success) answers[step] = parsed.data
  }
  return answers as IntakeAnswers
}
