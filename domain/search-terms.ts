import { z } from 'zod'

/**
 * Learning from use (issue 15): the words people searched without finding anything, and the mappings of such a
 * word to an ESCO occupation that a regional admin proposes and a platform admin reviews. The kinds are those of
 * the reviewed vocabulary file (search/vocabulary/zoekwoorden.csv, docs/zoekwoorden.md).
 */
export const vocabularyKinds = ['colloquial', 'gendered', 'sector', 'abbreviation', 'english', 'french'] as const
export type VocabularyKind = (typeof vocabularyKinds)[number]

export const vocabularyKindLabels: Record<VocabularyKind, string> = {
  colloquial: 'Spreektaal of streektaal',
  gendered: 'Vrouwelijke, mannelijke of meervoudsvorm',
  sector: 'Sector- of activiteitswoord',
  abbreviation: 'Afkorting of rijbewijscategorie',
  english: 'Engels',
  french: 'Frans',
}

export const mappingStatuses = ['proposed', 'accepted', 'rejected'] as const
export type MappingStatus = (typeof mappingStatuses)[number]
export const mappingStatusLabels: Record<MappingStatus, string> = { proposed: 'Voorgesteld', accepted: 'Aanvaard', rejected: 'Afgewezen' }

/** How long a counted search term is kept: the page shows these days, the daily retention run deletes older ones. */
export const SEARCH_TERM_DAYS = 90

export const proposeMappingSchema = z.object({
  intent: z.literal('propose'),
  term: z.string({ required_error: 'Typ het zoekwoord.' }).trim().min(1, 'Typ het zoekwoord.').max(100, 'Typ hoogstens 100 tekens.'),
  kind: z.enum(vocabularyKinds, { errorMap: () => ({ message: 'Kies wat voor woord het is.' }) }),
  /** The occupation picker's search text (app/components/occupation-picker.tsx): kept, not saved. */
  occupationQuery: z.string().optional(),
  uri: z.string({ required_error: 'Kies een beroep.' }).url('Kies een beroep uit de lijst.'),
  note: z.string({ required_error: 'Zeg waar het woord zo gebruikt wordt.' }).trim().min(3, 'Zeg waar het woord zo gebruikt wordt.').max(500, 'Typ hoogstens 500 tekens.'),
})
export type ProposeMappingInput = z.output<typeof proposeMappingSchema>

export const reviewMappingSchema = z
  .object({
    intent: z.literal('review'),
    mappingId: z.string().uuid('Dit voorstel kennen we niet.'),
    decision: z.enum(['accept', 'reject'], { errorMap: () => ({ message: 'Kies aanvaarden of afwijzen.' }) }),
    reason: z.string().trim().max(500, 'Typ hoogstens 500 tekens.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Zeg waarom je het voorstel afwijst.' })
  })
export type ReviewMappingInput = z.output<typeof reviewMappingSchema>
