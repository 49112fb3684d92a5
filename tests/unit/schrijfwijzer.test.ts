import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { type TemplateId, templates } from '#emails/templates'

/**
 * docs/schrijfwijzer.md: residents and employers read "u", staff read "je". This scans the Dutch texts of every
 * page a resident or employer can open (the route files, the feature modules they import directly, the shared
 * password rules and the Dutch message catalogues) for the je-forms, and the other languages' catalogues for
 * their informal forms; and every mail by who reads it. Comment lines are skipped: they are English, written for
 * developers.
 */
const routeFiles = fs.readdirSync('app/routes', { recursive: true, encoding: 'utf8' }).map((file) => `app/routes/${file}`)
const PUBLIC_OR_EMPLOYER = /^app\/routes\/(_index\.tsx|plaatsen[.[]|vergoedingen|cijfers|werkgever-worden|werkgever\+\/|aanmelden\+\/|_auth\+\/|account\.tsx)/
const STAFF_ONLY = /^app\/routes\/(begeleider|triage|partner|organisatie|admin)\+\//

const pages = routeFiles.filter((file) => PUBLIC_OR_EMPLOYER.test(file) && /\.tsx?$/.test(file))
const featuresOf = (file: string) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/from '#(app\/features\/[^']+)'/g)].flatMap(([, module]) =>
    ['.ts', '.tsx'].map((extension) => `${module}${extension}`).filter((candidate) => fs.existsSync(candidate)),
  )
const sources = [...new Set([...pages, ...pages.flatMap(featuresOf), 'domain/password-policy.ts'])].sort()

const textLines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
    .filter(({ line }) => !/^\s*(\/\/|\/\*|\*)/.test(line))

function catalogue(language: string): { where: string; line: string }[] {
  const dir = path.join('public/locales', language)
  const walk = (value: unknown, key: string): { where: string; line: string }[] =>
    typeof value === 'string' ? [{ where: key, line: value }] : Object.entries(value as object).flatMap(([k, v]) => walk(v, `${key}.${k}`))
  return fs.readdirSync(dir).flatMap((file) => walk(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), `${language}/${file}`))
}

// Word boundaries by hand: \b is ASCII-only, and "cliënt" or "één" must not split into words.
const word = (forms: string) => new RegExp(`(?<![\\p{L}'’])(${forms})(?![\\p{L}'’])`, 'iu')
const DUTCH_JE = word('je|jij|jou|jouw|jullie')
const DUTCH_U = word('u|uw')
const INFORMAL = {
  fr: word('tu|te|toi|ton|ta|tes'),
  tr: word('sen|seni|sana|senin|sende|senden'),
  uk: word('ти|тебе|тобі|твій|твоя|твоє|твої|твого|твою|тобою'),
}

const offending = (lines: { where: string; line: string }[], pattern: RegExp) => lines.filter(({ line }) => pattern.test(line)).map(({ where, line }) => `${where}: ${line.trim()}`)

describe('u or je (docs/schrijfwijzer.md)', () => {
  it('finds the pages of residents and employers and what they show', () => {
    expect(pages).toEqual(expect.arrayContaining(['app/routes/_index.tsx', 'app/routes/plaatsen._index.tsx', 'app/routes/werkgever+/_index.tsx', 'app/routes/_auth+/inloggen.tsx', 'app/routes/aanmelden+/klaar.tsx']))
    expect(sources).toEqual(expect.arrayContaining(['app/features/placements/placement-editor.tsx', 'app/features/home/employer-standing.tsx', 'app/features/accounts/api-tokens.tsx']))
    expect(sources.filter((file) => STAFF_ONLY.test(file))).toEqual([])
  })

  it('says "u", never "je", on the pages of residents and employers', () => {
    expect(offending(sources.flatMap(textLines), DUTCH_JE)).toEqual([])
    expect(offending(catalogue('nl'), DUTCH_JE)).toEqual([])
  })

  it('uses the polite form in French, Turkish and Ukrainian too', () => {
    for (const [language, informal] of Object.entries(INFORMAL)) expect(offending(catalogue(language), informal), language).toEqual([])
  })

  it('would catch either form, so the scan above is not empty-handed', () => {
    expect(DUTCH_JE.test('Vraag je trajectbegeleider')).toBe(true)
    expect(DUTCH_JE.test('Samen bekijken jullie wat')).toBe(true)
    expect(DUTCH_JE.test('Vraag uw trajectbegeleider, de cliënt en één werkgever')).toBe(false)
    expect(DUTCH_U.test('Vraag uw trajectbegeleider')).toBe(true)
    expect(DUTCH_U.test('Vraag je trajectbegeleider of een uur')).toBe(false)
    expect(INFORMAL.fr.test('Tu peux')).toBe(true)
    expect(INFORMAL.fr.test('Vous pouvez, t’inscrire')).toBe(false)
    expect(INFORMAL.uk.test('ти можеш')).toBe(true)
  })

  it('says "je", never "u", on the staff pages (their own route files)', () => {
    const staffPages = routeFiles.filter((file) => STAFF_ONLY.test(file) && /\.tsx?$/.test(file))
    expect(staffPages.length).toBeGreaterThan(40)
    expect(offending(staffPages.flatMap(textLines), DUTCH_U)).toEqual([])
  })
})

/**
 * Who reads each mail (emails/templates). A mail that staff and employers alike receive (a password, an invitation
 * a regional admin sends to an employer's user) is "everyone": "u". The residents' mails are laid out here but
 * their words come from the message catalogues, which the tests above scan in every language.
 */
const mailReaders: Record<TemplateId, 'residents' | 'employers' | 'everyone' | 'staff'> = {
  'intake-received': 'residents',
  'triage-handover': 'residents',
  'employer-verified': 'employers',
  'employer-rejected': 'employers',
  'verify-email': 'employers',
  'proposal-received': 'employers',
  'schedule-changed': 'employers',
  'work-floor-request': 'employers',
  'password-reset': 'everyone',
  'password-changed': 'everyone',
  'user-invitation': 'everyone',
  'registration-attempt': 'everyone',
  'employer-awaiting-verification': 'staff',
  'evaluation-reminder': 'staff',
  'proposal-decided': 'staff',
  'saved-search-alert': 'staff',
  'trajectory-handed-over': 'staff',
  'trajectory-transfer-requested': 'staff',
  'trajectory-transfer-decided': 'staff',
  'triage-daily-summary': 'staff',
  'unreceived-summary': 'staff',
}
const mailSources = (staff: boolean) =>
  Object.entries(mailReaders)
    .filter(([, readers]) => (readers === 'staff') === staff)
    .map(([id]) => `emails/templates/${id}.tsx`)

describe('u or je in the mails (docs/schrijfwijzer.md)', () => {
  it('knows who reads every mail, and finds each one’s file', () => {
    expect(Object.keys(mailReaders).sort()).toEqual(Object.keys(templates).sort())
    for (const file of [...mailSources(true), ...mailSources(false)]) expect(fs.existsSync(file), file).toBe(true)
  })

  it('says "u", never "je", in mails to residents and employers and in those everyone gets', () => {
    expect(mailSources(false)).toHaveLength(12)
    expect(offending(mailSources(false).flatMap(textLines), DUTCH_JE)).toEqual([])
  })

  it('says "je", never "u", in mails only staff get', () => {
    expect(mailSources(true)).toHaveLength(9)
    expect(offending(mailSources(true).flatMap(textLines), DUTCH_U)).toEqual([])
  })

  it('addresses nobody in the frame every mail shares (the footer, "the button does not work")', () => {
    expect(offending(textLines('emails/layout.tsx'), DUTCH_JE)).toEqual([])
    expect(offending(textLines('emails/layout.tsx'), DUTCH_U)).toEqual([])
  })
})
