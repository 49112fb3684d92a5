import { eq, inArray } from 'drizzle-orm'
import { digest } from '#core/crypto.server'
import { todayIso } from '#domain/compensation-rules'
import type { Tx } from '#db/client'
import { intakeChannels, organisations, users } from '#db/schema'
import { createIntake } from './factories'

/**
 * Demo intakes in Gent for the triage queue of OCMW Gent and VDAB-team Regio Gent: one late first contact, a
 * pair of duplicates, and two fresh ones the end-to-end test walks through the warm hand-over. Those two have a
 * status link known in advance (below) so the test can open the resident's status page; every name is invented
 * and these links exist only in demo data.
 */
export const DEMO_TRIAGE_INTAKES = {
  withJavaScript: { name: 'Samira Haddad', statusToken: 'DemoTriageStatusLinkSamiraHaddad00000000000' },
  withoutJavaScript: { name: 'Kevin De Wilde', statusToken: 'DemoTriageStatusLinkKevinDeWilde00000000000' },
} as const

const dayFromToday = (days: number) => {
  const [year, month, day] = todayIso().split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

export async function seedDemoTriage(tx: Tx) {
  const orgs = await tx
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .where(inArray(organisations.slug, ['ocmw-gent', 'vdab-regio-gent']))
  const id = (slug: string) => orgs.find((o) => o.slug === slug)?.id ?? null
  const [channel] = await tx.select({ id: intakeChannels.id }).from(intakeChannels).where(eq(intakeChannels.code, 'debrug'))
  const [outreach] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'outreach@demo.stapsteen.be'))
  const base = { demo: true, ocmwOrganisationId: id('ocmw-gent'), vdabOrganisationId: id('vdab-regio-gent'), municipalityNis: '44021', postcode: '9000' }
  const welfare = { suggestedDestination: 'ocmw' as const, suggestionReasons: [{ rule: 'Welzijnsdrempel: heeft schulden; problemen met wonen', destination: 'ocmw' }] }
  const ready = { suggestedDestination: 'vdab' as const, suggestionReasons: [{ rule: 'Wil nu werken; geen welzijnsdrempel aangeduid, wel: heeft geen vervoer', destination: 'vdab' }] }

  const { withJavaScript, withoutJavaScript } = DEMO_TRIAGE_INTAKES
  await createIntake(tx, {
    ...base,
    ...welfare,
    firstName: 'Samira',
    lastName: 'Haddad',
    language: 'ar',
    contactMethod: 'email',
    email: 'samira.haddad@example.org',
    phone: null,
    birthYear: 1987,
    situation: 'no_income',
    wantsWork: 'maybe',
    barriers: ['debts', 'housing', 'dutch'],
    dutchSelfAssessment: 'a_little',
    contactLanguage: 'ar',
    contactMoments: ['morning'],
    channelId: channel?.id ?? null,
    statusTokenHash: digest(withJavaScript.statusToken),
    firstContactDueOn: dayFromToday(4),
  })
  await createIntake(tx, {
    ...base,
    ...ready,
    firstName: 'Kevin',
    lastName: 'De Wilde',
    email: 'kevin.dewilde@example.org',
    phone: '0478 12 34 56',
    birthYear: 1995,
    situation: 'unknown',
    barriers: ['transport'],
    dutchSelfAssessment: 'fluent',
    assistedByUserId: outreach?.id ?? null,
    statusTokenHash: digest(withoutJavaScript.statusToken),
    firstContactDueOn: dayFromToday(5),
  })
  await createIntake(tx, {
    ...base,
    suggestedDestination: 'joint',
    suggestionReasons: [
      {
        rule: 'Drempels in 3 levensdomeinen: gezin (vindt geen kinderopvang), gezondheid (problemen met gezondheid), taal en vaardigheden (diploma uit het buitenland)',
        destination: 'joint',
      },
    ],
    firstName: 'Olena',
    lastName: 'Kovalenko',
    language: 'uk',
    phone: '0468 55 44 33',
    birthYear: 1979,
    barriers: ['childcare', 'health', 'foreign_diploma'],
    dutchSelfAssessment: 'none',
    firstContactDueOn: dayFromToday(-3),
    createdAt: new Date(Date.now() - 10 * 86_400_000),
  })
  // The same person twice: once by phone, a week later again with the number written differently.
  for (const [phone, daysAgo] of [
    ['0485 11 22 33', 8],
    ['+32 485 112 233', 1],
  ] as const) {
    await createIntake(tx, {
      ...base,
      ...ready,
      firstName: 'Jan',
      lastName: 'Peeters',
      phone,
      birthYear: 1990,
      firstContactDueOn: dayFromToday(5 - daysAgo),
      createdAt: new Date(Date.now() - daysAgo * 86_400_000),
    })
  }
}
