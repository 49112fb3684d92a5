import { z } from 'zod'
import type { declineReasons, dutchLevels, proposalStatuses } from './values'
import { formatHours } from './placement-form'

/**
 * Proposing a client to an employer (issue 4): the forms of both sides, their Dutch labels, and the snapshot of
 * what the client agreed to share. Browser-safe: the value lists come in as types only.
 */
export type ProposalStatus = (typeof proposalStatuses)[number]
export type DeclineReason = (typeof declineReasons)[number]
type DutchLevel = (typeof dutchLevels)[number]

/** A client waits on at most this many employers at once, so no employer decides on someone already placed. */
export const MAX_OPEN_PROPOSALS = 3

export const proposalStatusLabels: Record<ProposalStatus, string> = {
  open: 'Openstaand',
  accepted: 'Aanvaard',
  declined: 'Afgewezen',
  withdrawn: 'Ingetrokken',
}

export const declineReasonLabels: Record<DeclineReason, string> = {
  no_capacity: 'Er is geen plaats of begeleiding meer vrij',
  profile_mismatch: 'Het profiel past niet bij de plaats',
  dutch_level: 'Het Nederlands is nog te beperkt voor deze plaats',
  availability: 'De beschikbaarheid past niet bij de uren',
  distance: 'De afstand naar het werk is te groot',
  other: 'Een andere reden',
}

/** What a caseworker can share, each only when the client agreed; the keys are the form's values. */
export const shareLabels = {
  firstName: 'voornaam',
  competences: 'competenties',
  dutchLevel: 'Nederlands niveau',
  availability: 'beschikbaarheid',
} as const
export type ShareField = keyof typeof shareLabels
const shareFields = Object.keys(shareLabels) as [ShareField, ...ShareField[]]

/** The client record's fields a proposal can draw on. */
export type ShareSource = { firstName: string | null; competences: string[]; dutchLevel: DutchLevel; hoursAvailable: number }

export const availabilityText = (hoursAvailable: number) => `Tot ${formatHours(hoursAvailable)} uur per week`

/** The values each ticked box would share; null (or an empty list) where the record holds nothing to share. */
export function shareableValues(client: ShareSource) {
  return {
    firstName: client.firstName?.trim() || null,
    competences: client.competences,
    dutchLevel: client.dutchLevel,
    availability: availabilityText(client.hoursAvailable),
  }
}

/** The employer's whole view of the client: only what was ticked, taken from the record at proposal time. */
export function sharedSnapshot(client: ShareSource, share: readonly ShareField[]) {
  const values = shareableValues(client)
  const has = (field: ShareField) => share.includes(field)
  return {
    sharedFirstName: has('firstName') ? values.firstName : null,
    sharedCompetences: has('competences') ? values.competences : [],
    sharedDutchLevel: has('dutchLevel') ? values.dutchLevel : null,
    sharedAvailability: has('availability') ? values.availability : null,
  }
}
export type SharedSnapshot = ReturnType<typeof sharedSnapshot>

const MAX_TEXT = 1000
const text = (what: string) => z.string().trim().max(MAX_TEXT, `${what} is te lang: hoogstens ${MAX_TEXT} tekens.`).optional()

/** The caseworker's proposal. Which placement and client come from the URL and are checked on the server. */
export const proposalFormSchema = z.object({
  placementId: z.string({ required_error: 'Kies eerst een plaats.' }).uuid('Kies eerst een plaats.'),
  share: z.array(z.enum(shareFields, { errorMap: () => ({ message: 'Kies uit de lijst wat de cliënt wil delen.' }) })).default([]),
  consent: z.boolean({
    required_error: 'Vink aan dat de cliënt akkoord gaat. Zonder akkoord van de cliënt kan je niet voorstellen.',
    invalid_type_error: 'Vink aan dat de cliënt akkoord gaat.',
  }),
  message: text('Het bericht'),
})
export type ProposalFormFields = z.input<typeof proposalFormSchema>

/** Why a proposal was not made, as the caseworker reads it. */
export const proposalRefusals = {
  'placement-unavailable': 'Deze plaats is niet meer beschikbaar: ze is niet (meer) gepubliceerd of alle plaatsen zijn ingevuld. Kies een andere plaats.',
  'too-many': `Deze cliënt heeft al ${MAX_OPEN_PROPOSALS} openstaande voorstellen. Wacht op een antwoord of trek een voorstel in.`,
  duplicate: 'Deze cliënt is al voorgesteld voor deze plaats; dat voorstel staat nog open.',
  'client-closed': 'Het dossier van deze cliënt is afgesloten. Heropen het dossier om de cliënt voor te stellen.',
} as const

/** The employer's answer: accept, or decline with a reason from the list (and a note when the reason is "other"). */
export const decisionFormSchema = z
  .object({
    intent: z.enum(['accept', 'decline'], { errorMap: () => ({ message: 'Kies of u aanvaardt of afwijst.' }) }),
    reason: z.enum(Object.keys(declineReasonLabels) as [DeclineReason, ...DeclineReason[]], {
      errorMap: () => ({ message: 'Kies waarom u het voorstel afwijst.' }),
    }).optional(),
    note: text('De toelichting'),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== 'decline') return
    if (!value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Kies waarom u het voorstel afwijst.' })
    if (value.reason === 'other' && !value.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Schrijf kort waarom u het voorstel afwijst, zodat de begeleider verder kan.' })
    }
  })
export type DecisionFormFields = z.input<typeof decisionFormSchema>
