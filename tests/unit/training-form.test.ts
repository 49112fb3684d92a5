import { describe, expect, it } from 'vitest'
import { trainingOutcomeSchema, trainingRequestSchema } from '#domain/training-form'

const request = { intent: 'request', provider: 'CVO Mechelen', course: 'Basis heftruck', requestedOn: '2026-11-10' }
const errorsOf = (result: { success: boolean; error?: { flatten: () => { fieldErrors: Record<string, string[] | undefined> } } }) => result.error?.flatten().fieldErrors ?? {}

describe('trainingRequestSchema', () => {
  it('accepts a request with or without course dates', () => {
    expect(trainingRequestSchema.safeParse(request).success).toBe(true)
    expect(trainingRequestSchema.safeParse({ ...request, startOn: '2026-12-01', endOn: '2026-12-01' }).success).toBe(true)
  })

  it('requires provider, course and the request date, each at most 200 characters', () => {
    const errors = errorsOf(trainingRequestSchema.safeParse({ intent: 'request', provider: ' ', course: 'x'.repeat(201) }))
    expect(errors.provider).toEqual(['Vul de opleidingsverstrekker in.'])
    expect(errors.course).toEqual(['Houd het korter dan 200 tekens.'])
    expect(errors.requestedOn).toEqual(['Vul in wanneer de opleiding aangevraagd werd.'])
  })

  it('refuses an end before the start, and a date that does not exist', () => {
    expect(errorsOf(trainingRequestSchema.safeParse({ ...request, startOn: '2026-12-02', endOn: '2026-12-01' })).endOn).toEqual(['De opleiding eindigt ten vroegste op de startdatum.'])
    expect(errorsOf(trainingRequestSchema.safeParse({ ...request, startOn: '2026-02-30', endOn: '2026-02-01' }))).toEqual({ startOn: ['Deze datum bestaat niet.'] })
  })
})

describe('trainingOutcomeSchema', () => {
  const outcome = { intent: 'outcome', trainingId: '3f0c5a1e-0000-4000-8000-000000000000' }

  it('requires a reason from the list for a refusal', () => {
    expect(errorsOf(trainingOutcomeSchema.safeParse({ ...outcome, outcome: 'refused' })).refusalReason).toEqual(['Kies waarom de opleiding geweigerd werd.'])
    expect(errorsOf(trainingOutcomeSchema.safeParse({ ...outcome, outcome: 'refused', refusalReason: 'bored' })).refusalReason).toEqual(['Kies een reden uit de lijst.'])
    expect(trainingOutcomeSchema.safeParse({ ...outcome, outcome: 'refused', refusalReason: 'dutch_level_too_low' }).success).toBe(true)
  })

  it('allows no reason with any other outcome', () => {
    expect(trainingOutcomeSchema.safeParse({ ...outcome, outcome: 'approved' }).success).toBe(true)
    expect(errorsOf(trainingOutcomeSchema.safeParse({ ...outcome, outcome: 'completed', refusalReason: 'motivation' })).refusalReason).toEqual([
      'Een reden hoort alleen bij een geweigerde opleiding: laat ze leeg.',
    ])
  })

  it('limits the note to 1000 characters and requires an outcome', () => {
    const errors = errorsOf(trainingOutcomeSchema.safeParse({ ...outcome, note: 'x'.repeat(1001) }))
    expect(errors.note).toEqual(['Houd de toelichting korter dan 1000 tekens.'])
    expect(errors.outcome).toEqual(['Kies de uitkomst.'])
  })
})
