import { describe, expect, it } from 'vitest'
import { functionProfileSchema, MAX_PROFILE_PHASES, profileCompetences } from '#domain/function-profile-form'

const phase = { title: 'Kennismaken', competences: 'Op tijd komen\n\n Op tijd komen \nDeeg kneden', tasks: 'Ovens laden' }
const profile = { intent: 'save', occupationUri: 'http://data.europa.eu/esco/occupation/x', title: 'Hulp in de bakkerij', phases: [phase] }

describe('functionProfileSchema', () => {
  it('reads competences and tasks one per line, without blanks or repeats', () => {
    const parsed = functionProfileSchema.parse(profile)
    expect(parsed.phases).toEqual([{ title: 'Kennismaken', competences: ['Op tijd komen', 'Deeg kneden'], tasks: ['Ovens laden'] }])
  })

  it('needs an occupation, a title, and per phase a title, a competence and a task', () => {
    const result = functionProfileSchema.safeParse({ intent: 'save', occupationUri: '', title: ' ', phases: [{ title: '', competences: '\n', tasks: '' }] })
    expect(result.error?.flatten().fieldErrors).toEqual({ occupationUri: ['Kies het beroep.'], title: ['Geef het profiel een titel.'], phases: expect.any(Array) })
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['phases.0.title', 'Geef de fase een titel.'],
        ['phases.0.competences', 'Schrijf minstens één competentie.'],
        ['phases.0.tasks', 'Schrijf minstens één taak.'],
      ]),
    )
  })

  it(`allows 1 to ${MAX_PROFILE_PHASES} phases`, () => {
    expect(functionProfileSchema.safeParse({ ...profile, phases: [] }).success).toBe(false)
    expect(functionProfileSchema.safeParse({ ...profile, phases: Array(MAX_PROFILE_PHASES).fill(phase) }).success).toBe(true)
    expect(functionProfileSchema.safeParse({ ...profile, phases: Array(MAX_PROFILE_PHASES + 1).fill(phase) }).success).toBe(false)
  })
})

describe('profileCompetences', () => {
  it('lists every phase’s competences once, in order', () => {
    expect(profileCompetences([{ competences: ['a', 'b'] }, { competences: ['b', 'c'] }])).toEqual(['a', 'b', 'c'])
  })
})
