import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { digest } from '#core/crypto.server'
import { resetLinkIsUsable } from '#app/auth/password.server'
import { db } from '#db/client'
import { apiTokens, auditLog, organisations, userRegions, users } from '#db/schema'
import { createOrganisation, createUser } from '#db/seed/factories'
import { expectUsageError, messageLines, runCommand } from '#tests/support/run-command'


const userCreate = (args: string[], env?: Record<string, string>) => runCommand('cli/user-create.ts', args, env)
const tokenCreate = (args: string[], env?: Record<string, string>) => runCommand('cli/token-create.ts', args, env)

const userRow = async (email: string) => (await db().select().from(users).where(eq(users.email, email)))[0]

let employer: Awaited<ReturnType<typeof createOrganisation>>
let ocmw: Awaited<ReturnType<typeof createOrganisation>>

beforeAll(async () => {
  employer = await createOrganisation(db(), { type: 'employer', slug: 'bakkerij-test' })
  ocmw = await createOrganisation(db(), { type: 'ocmw', slug: 'ocmw-test' })
})

describe('user:create', () => {
  it('creates the first platform admin on a database without any account, in the platform organisation the migrations made', async () => {
    expect(await db().select().from(users)).toEqual([])
    const result = await userCreate(['eerste.beheerder@example.test', '--role', 'platform_admin'], { PUBLIC_URL: 'https://stapsteen.example' })
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Created eerste.beheerder@example.test (platform_admin, stapsteen).')
    const link = /^https:\/\/stapsteen\.example\/wachtwoord-nieuw\?token=([A-Za-z0-9_-]{40,})$/m.exec(result.stdout)
    expect(link, result.stdout).not.toBeNull()
    expect(await resetLinkIsUsable(link![1]!)).toBe(true)
    const [platform] = await db().select().from(organisations).where(eq(organisations.slug, 'stapsteen'))
    expect((await userRow('eerste.beheerder@example.test'))?.organisationId).toBe(platform!.id)
  })

  it('creates the user in the organisation and prints a link to choose a password', async () => {
    const result = await userCreate(['Nieuwe.Werkgever@Example.test', '--role', 'employer', '--org', employer.slug, '--name', 'Nele Nieuw'])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).not.toMatch(/error|^\s+at /im)

    const user = await userRow('nieuwe.werkgever@example.test')
    expect(user).toMatchObject({ role: 'employer', organisationId: employer.id, name: 'Nele Nieuw', passwordHash: null, disabledAt: null })

    expect(result.stdout).toContain('Created nieuwe.werkgever@example.test (employer, bakkerij-test).')
    const link = /^(http:\/\/localhost:\d+\/wachtwoord-nieuw\?token=([A-Za-z0-9_-]{40,}))$/m.exec(result.stdout)
    expect(link, result.stdout).not.toBeNull()
    // The printed link is a live one for this account.
    expect(await resetLinkIsUsable(link![2]!)).toBe(true)

    const [entry] = await db().select().from(auditLog).where(eq(auditLog.subjectId, user!.id))
    expect(entry).toMatchObject({ action: 'user.create', actorUserId: null, details: { via: 'cli', role: 'employer' } })
  })

  it('gives a regional admin the regions named with --region', async () => {
    const platform = await createOrganisation(db(), { type: 'platform' })
    const result = await userCreate(['regio@example.test', '--role', 'regional_admin', '--org', platform.slug, '--region', 'REFREG13', '--region', 'REFREG02'])
    expect(result.code, result.stderr).toBe(0)
    const user = await userRow('regio@example.test')
    const regions = await db().select().from(userRegions).where(eq(userRegions.userId, user!.id))
    expect(regions.map((r) => r.regionCode).sort()).toEqual(['REFREG02', 'REFREG13'])
  })

  describe('refuses a wrong call with exit code 2 and one sentence', () => {
    it('an unknown role', async () => {
      const result = await userCreate(['a1@example.test', '--role', 'boss', '--org', employer.slug])
      expectUsageError(result, /^Unknown role "boss"; use one of employer, caseworker, .*platform_admin\.$/)
      expect(await userRow('a1@example.test')).toBeUndefined()
    })

    it('a missing --role', async () => {
      expectUsageError(await userCreate(['a2@example.test', '--org', employer.slug]), /^--role is required; use one of /)
    })

    it('a missing --org for a role that belongs to an organisation', async () => {
      const result = await userCreate(['a3@example.test', '--role', 'caseworker'])
      expectUsageError(result, /^--org is required for role caseworker \(the slug of a ocmw or vdab organisation\)\.$/)
      expect(await userRow('a3@example.test')).toBeUndefined()
    })

    it('an unknown organisation', async () => {
      const result = await userCreate(['a4@example.test', '--role', 'employer', '--org', 'no-such-org'])
      expectUsageError(result, /^There is no organisation with slug "no-such-org"\.$/)
      expect(await userRow('a4@example.test')).toBeUndefined()
    })

    it('a role that does not fit the type of organisation', async () => {
      const result = await userCreate(['a5@example.test', '--role', 'caseworker', '--org', employer.slug])
      expectUsageError(result, /^Role caseworker needs an organisation of type ocmw or vdab, but "bakkerij-test" is employer\.$/)
      expect(await userRow('a5@example.test')).toBeUndefined()
    })

    it('an invalid email address', async () => {
      expectUsageError(await userCreate(['not-an-email', '--role', 'caseworker', '--org', ocmw.slug]), /^"not-an-email" is not a valid email address\.$/)
    })

    it('an email address that already has an account, whatever its case', async () => {
      const existing = await createUser(db(), { organisationId: employer.id, email: 'bestaat@example.test' })
      const result = await userCreate(['Bestaat@Example.test', '--role', 'employer', '--org', employer.slug])
      expectUsageError(result, /^A user with email bestaat@example\.test already exists\.$/)
      expect((await userRow('bestaat@example.test'))?.id).toBe(existing.id)
    })

    it('an unknown option', async () => {
      expectUsageError(await userCreate(['a6@example.test', '--role', 'employer', '--org', employer.slug, '--admin']), /^Unknown option '--admin'/)
    })

    it('an unknown region for a regional admin', async () => {
      const platform = await createOrganisation(db(), { type: 'platform' })
      const result = await userCreate(['a7@example.test', '--role', 'regional_admin', '--org', platform.slug, '--region', 'REFREG99'])
      expectUsageError(result, /^Unknown reference region REFREG99; /)
      expect(await userRow('a7@example.test')).toBeUndefined()
    })
  })
})

describe('token:create', () => {
  it('prints only the token and stores only its digest', async () => {
    const user = await createUser(db(), { organisationId: ocmw.id, role: 'caseworker', email: 'api@example.test' })
    const result = await tokenCreate(['api@example.test'])
    expect(result.code, result.stderr).toBe(0)
    // Exactly one line, so TOKEN=$(npm run -s token:create -- …) works.
    expect(result.stdout).toMatch(/^stp_[A-Za-z0-9_-]{40,}\n$/)
    const token = result.stdout.trim()
    const rows = await db().select().from(apiTokens).where(eq(apiTokens.userId, user.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).toBe(digest(token))
    expect(rows[0]!.revokedAt).toBeNull()
  })

  it('refuses an unknown email with exit code 2', async () => {
    const result = await tokenCreate(['niemand@example.test'])
    expectUsageError(result, /^There is no active user with email niemand@example\.test\.$/)
  })

  it('refuses a disabled user with exit code 2', async () => {
    const user = await createUser(db(), { organisationId: ocmw.id, email: 'weg@example.test', disabledAt: new Date() })
    expectUsageError(await tokenCreate(['weg@example.test']), /^There is no active user with email weg@example\.test\.$/)
    expect(await db().select().from(apiTokens).where(eq(apiTokens.userId, user.id))).toHaveLength(0)
  })
})

describe('configuration a user can fix: exit code 1 and one sentence', () => {
  it('an unreachable database', async () => {
    const result = await userCreate(['x@example.test', '--role', 'employer', '--org', 'x'], {
      DATABASE_URL: 'postgres://nobody:secret-pw@127.0.0.1:1/nothing',
    })
    expect(result.code).toBe(1)
    const lines = messageLines(result.stderr)
    expect(lines, result.stderr).toHaveLength(1)
    expect(lines[0]).toMatch(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/nothing \(connect ECONNREFUSED [^)\n]*\)\. Check DATABASE_URL/)
    expect(result.stderr).not.toContain('secret-pw')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stdout).toBe('')
  })

  it('a PORT that is not a number', async () => {
    const result = await tokenCreate(['x@example.test'], { PORT: 'abc' })
    expect(result.code).toBe(1)
    const lines = messageLines(result.stderr)
    expect(lines, result.stderr).toHaveLength(1)
    expect(lines[0]).toContain('PORT must be a number (got "abc")')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(result.stdout).toBe('')
  })
})
