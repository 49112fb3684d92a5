import { spawn } from 'node:child_process'
import path from 'node:path'
import { and, count, eq, inArray, like, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '#db/client'
import { insertVersion } from '#db/queries/compensation'
import {
  auditLog,
  clients,
  compensationVersions,
  emailMessages,
  intakeNotes,
  intakes,
  organisations,
  placements,
  users,
} from '#db/schema'
import { seedDemoIfEmpty } from '#db/seed/demo'
import { createEmployer, createIntake, createUser } from '#db/seed/factories'
import { testDatabaseUrl } from '#tests/support/database'
import { runCommand } from '#tests/support/run-command'

/**
 * `npm run demo:remove` on a database that holds the demo next to real data (a portal that ran publicly with the
 * demo, as before issue 10): every demo row goes, every real row stays, and a public portal starts again.
 */
const removeDemo = () => runCommand('cli/demo-remove.ts')

/** Every foreign-key column that points at organisations or users: none may point at a removed row afterwards. */
async function referencingColumns() {
  return db().execute<{ table: string; column: string; target: string }>(sql`
    select cl.relname as table, a.attname as column, tg.relname as target
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class tg on tg.oid = c.confrelid
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and tg.relname in ('organisations', 'users') and cl.relnamespace = 'public'::regnamespace`)
}

/** Row count and checksum of every public table, leaving out the ones the removal itself writes to. */
async function tableFingerprints(rowsOf: { table: string; where: string }[]) {
  const result: Record<string, string> = {}
  for (const { table, where } of rowsOf) {
    const [row] = await db().execute<{ n: number; sum: string | null }>(
      sql.raw(`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as sum from "${table}" t where ${where}`),
    )
    result[table] = `${row!.n}:${row!.sum}`
  }
  return result
}

let real: {
  employerId: string
  placementId: string
  adminId: string
  intakeInRealQueue: string
  intakeInDemoQueue: string
  mailId: string
  versionId: string
}
let demoOrganisationIds: string[]
let demoUserIds: string[]

beforeAll(async () => {
  await db().transaction(async (tx) => {
    const logins = await seedDemoIfEmpty(tx)
    expect(logins).toHaveLength(11)
  })
  demoOrganisationIds = (await db().select({ id: organisations.id }).from(organisations).where(eq(organisations.demo, true))).map((o) => o.id)
  demoUserIds = (await db().select({ id: users.id }).from(users).where(inArray(users.organisationId, demoOrganisationIds))).map((u) => u.id)

  const [platform] = await db().select().from(organisations).where(eq(organisations.slug, 'stapsteen'))
  const [referenceGent] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44021'))
  const [demoGent] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-gent'))
  const [demoTriage] = await db().select().from(users).where(eq(users.email, 'triage.ocmw@demo.stapsteen.be'))
  const admin = await createUser(db(), { email: 'beheer@ocmw.example', role: 'platform_admin', organisationId: platform!.id })
  const { organisation: employer, sites } = await createEmployer(db(), { name: 'Echte Bakkerij bv' })
  const [placement] = await db()
    .insert(placements)
    .values({
      organisationId: employer.id,
      siteId: sites[0]!.id,
      title: 'Hulp in de bakkerij',
      occupationUri: 'http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f',
      description: 'Echte plaats',
      municipalityNis: '44021',
      lat: 51.05,
      lon: 3.72,
      hoursPerWeek: 30,
      places: 1,
      dutchLevel: 'A2',
      instruments: ['TWE_ART60'],
      status: 'published',
      publishedAt: new Date(),
    })
    .returning()
  const inRealQueue = await createIntake(db(), { ocmwOrganisationId: referenceGent!.id, email: 'echte.inwoner@example.org' })
  // A real resident whose intake reached the demo OCMW Gent's queue, with a demo triage worker's note on it.
  const inDemoQueue = await createIntake(db(), { ocmwOrganisationId: demoGent!.id, handlingOrganisationId: demoGent!.id, claimedByUserId: demoTriage!.id })
  await db().insert(intakeNotes).values({ intakeId: inDemoQueue.id, organisationId: demoGent!.id, authorUserId: demoTriage!.id, body: 'Gebeld' })
  const [mail] = await db()
    .insert(emailMessages)
    .values({ to: 'echte.inwoner@example.org', subject: 'Ontvangen', html: '<p>x</p>', text: 'x', template: 'intake-received' })
    .returning()
  await db().insert(emailMessages).values({ to: 'Begeleider.OCMW@demo.stapsteen.be', subject: 'Demo', html: '<p>x</p>', text: 'x', template: 'password-reset' })
  const versionId = await insertVersion(db(), {
    regionCode: 'REFREG01',
    validFrom: '2027-01-01',
    rules: [{ instrument: 'IBO', employerType: 'private', employerPaysCents: 50_000, employerPaysUnit: 'per_month', wagePolicy: 'reference_scale', grossHourlyWageCents: null, referenceScale: 'IBO', covers: [] }],
  })
  real = {
    employerId: employer.id,
    placementId: placement!.id,
    adminId: admin.id,
    intakeInRealQueue: inRealQueue.id,
    intakeInDemoQueue: inDemoQueue.id,
    mailId: mail!.id,
    versionId,
  }
})

/** A process as an operator starts it on this database, with a public address; resolves with its exit and output. */
function startPublic(script: string, extra: Record<string, string> = {}, readyLine?: RegExp) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl, PUBLIC_URL: 'https://stapsteen.example', MEILISEARCH_URL: '', LOG_LEVEL: 'warn', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (readyLine?.test(output)) child.kill('SIGTERM')
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('a public portal and the demo', () => {
  it('refuses SEED_DEMO=true on a public address with one sentence, before touching the database', async () => {
    const { code, output } = await startPublic('server/index.ts', { SEED_DEMO: 'true', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(code).toBe(1)
    expect(output.trim()).toBe(
      'SEED_DEMO=true is refused because PUBLIC_URL (https://stapsteen.example) makes this a public portal, and a public portal never holds demo data.',
    )
  })

  it('refuses to start a public portal (web server or worker) on a database with demo accounts, naming demo:remove', async () => {
    const worker = await startPublic('server/worker.ts')
    expect(worker.code).toBe(1)
    const { code, output } = await startPublic('server/index.ts', { PORT: '65001' })
    expect(code).toBe(1)
    expect(output).toBe(worker.output)
    expect(output.trim()).toBe(
      'This database holds 12 demo accounts, and a public portal (PUBLIC_URL=https://stapsteen.example) never starts with demo data: remove it with `npm run demo:remove` and start again.',
    )
  })
})

describe('npm run demo:remove', () => {
  it('deletes every demo organisation, account, placement, client, intake and mail, and nothing else', async () => {
    const realRows = [
      { table: 'organisations', where: 'not demo' },
      { table: 'users', where: `organisation_id not in (select id from organisations where demo)` },
      { table: 'placements', where: `organisation_id not in (select id from organisations where demo)` },
      { table: 'employer_sites', where: `organisation_id not in (select id from organisations where demo)` },
      { table: 'compensation_versions', where: 'not is_demo and schedule_id not in (select id from compensation_schedules where ocmw_organisation_id is not null)' },
      { table: 'municipalities', where: 'true' },
      { table: 'occupations', where: 'true' },
      { table: 'app_settings', where: 'true' },
    ]
    const before = await tableFingerprints(realRows)
    const [intakeBefore] = await db().select().from(intakes).where(eq(intakes.id, real.intakeInRealQueue))
    const auditBefore = (await db().select({ n: count() }).from(auditLog))[0]!.n
    expect(demoOrganisationIds.length).toBe(12)
    expect(demoUserIds.length).toBe(12)

    const result = await removeDemo()
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^removed 12 demo organisations, 12 accounts, \d+ placements, 9 clients, 11 intakes, \d+ mails and \d+ compensation versions; 1 real intakes in demo queues went to their municipality's OCMW and VDAB team\n$/)

    // Nothing demo is left: no organisation, account, intake, compensation value or mail, no row that points to one.
    expect(await db().select().from(organisations).where(eq(organisations.demo, true))).toEqual([])
    expect(await db().select().from(users).where(like(users.email, '%@demo.stapsteen.be'))).toEqual([])
    expect(await db().select().from(intakes).where(eq(intakes.demo, true))).toEqual([])
    expect(await db().select().from(compensationVersions).where(eq(compensationVersions.isDemo, true))).toEqual([])
    expect(await db().select().from(emailMessages).where(like(sql`lower(${emailMessages.to})`, '%@demo.stapsteen.be'))).toEqual([])
    expect(await db().select({ n: count() }).from(clients)).toEqual([{ n: 0 }])
    const columns = await referencingColumns()
    expect(columns.length).toBeGreaterThan(20)
    for (const { table, column, target } of columns) {
      const ids = target === 'organisations' ? demoOrganisationIds : demoUserIds
      const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)
      const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} in (${list})`)
      expect(row!.n, `${table}.${column}`).toBe(0)
    }

    // Every real row is as it was; the real resident in the demo queue now waits at the real OCMW Gent.
    expect(await tableFingerprints(realRows)).toEqual(before)
    expect((await db().select().from(intakes).where(eq(intakes.id, real.intakeInRealQueue)))[0]).toEqual(intakeBefore)
    const [moved] = await db().select().from(intakes).where(eq(intakes.id, real.intakeInDemoQueue))
    const [referenceGent] = await db().select().from(organisations).where(eq(organisations.slug, 'ocmw-44021'))
    expect(moved).toMatchObject({ ocmwOrganisationId: referenceGent!.id, handlingOrganisationId: null, claimedByUserId: null })
    expect(await db().select().from(intakeNotes).where(eq(intakeNotes.intakeId, real.intakeInDemoQueue))).toEqual([])
    expect(await db().select({ id: emailMessages.id }).from(emailMessages)).toEqual([{ id: real.mailId }])
    expect(await db().select({ id: placements.id }).from(placements)).toEqual([{ id: real.placementId }])

    // The audit log keeps everything and says what happened.
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'demo.remove'))
    expect(entry).toMatchObject({ subjectType: 'installation', details: expect.objectContaining({ organisations: 12, accounts: 12, intakes: 11 }) })
    expect((await db().select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore + 1)
    // Placement and compensation history are append-only again.
    await expect(db().delete(compensationVersions).where(eq(compensationVersions.id, real.versionId))).rejects.toMatchObject({
      cause: expect.objectContaining({ message: 'compensation_versions is append-only (DELETE refused)' }),
    })
  })

  it('finds nothing to remove the second time', async () => {
    const result = await removeDemo()
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toBe('There is no demo data in this database.\n')
  })

  it('lets the public worker start afterwards, and a restart seeds no demo again', async () => {
    const { code, output } = await startPublic('server/worker.ts', { LOG_LEVEL: 'info' }, /Stapsteen worker is ready/)
    expect(output).toMatch(/Stapsteen worker is ready/)
    expect(code).toBe(0)
    const seededAgain = await db().transaction((tx) => seedDemoIfEmpty(tx))
    expect(seededAgain).toBeUndefined()
    expect(await db().select().from(organisations).where(and(eq(organisations.demo, true)))).toEqual([])
  })
})
