import { type contactMethods, type dutchSelfAssessments, intakeBarriers, type intakeCloseReasons, type intakeLanguages, type intakeSituations, type workWishes } from '#domain/values'
import { weighted } from './stats-sql'

/**
 * How the benchmark's intakes are spread over the enumerated values (domain/values.ts): a guess at a real portal,
 * mostly Dutch, mostly by phone, most of them wanting work. The lists are checked against the domain's by type,
 * so a value that stops existing fails the typecheck instead of the insert.
 */
type Spread<T extends readonly string[]> = readonly (readonly [T[number], number])[]

const languages: Spread<typeof intakeLanguages> = [['nl', 70], ['en', 8], ['fr', 8], ['ar', 6], ['tr', 4], ['uk', 4]]
const contacts: Spread<typeof contactMethods> = [['phone', 60], ['email', 30], ['organisation', 10]]
const situations: Spread<typeof intakeSituations> = [
  ['leefloon', 30], ['unemployment_benefit', 25], ['no_income', 15], ['sickness_benefit', 10], ['other', 12], ['unknown', 8],
]
const wishes: Spread<typeof workWishes> = [['yes', 65], ['maybe', 25], ['not_now', 10]]
const dutch: Spread<typeof dutchSelfAssessments> = [['none', 10], ['a_little', 25], ['everyday', 30], ['good', 20], ['fluent', 15]]

export const closeReasons: Spread<typeof intakeCloseReasons> = [
  ['trajectory_started', 45], ['not_reachable', 20], ['no_longer_interested', 20], ['duplicate', 5], ['moved_away', 10],
]

/** The SQL expressions of the insert's enumerated columns, each from its own random column of the row. */
export const INTAKE_FIELDS = {
  language: weighted('i.r_lang', languages, 'intake_language'),
  contactMethod: weighted('i.r_contact', contacts, 'contact_method'),
  situation: weighted('i.r_situation', situations, 'intake_situation'),
  wish: weighted('i.r_wish', wishes, 'work_wish'),
  dutch: weighted('i.r_dutch', dutch, 'dutch_self_assessment'),
  barriers: `array[${intakeBarriers.map((b) => `'${b}'`).join(', ')}]`,
}

/**
 * The triage state: most intakes of the last two weeks are still new (and a few forgotten older ones); the rest
 * are in contact, referred, accepted or closed.
 */
export const intakeStatusChoice = `case when created > now() - interval '14 days' and r_status < 0.6 then 'new' when r_status < 0.02 then 'new'
  else ${weighted('r_status2', [['in_contact', 15], ['referred', 6], ['accepted', 39], ['closed', 40]])} end`
