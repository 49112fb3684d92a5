/**
 * Load test of the public intake form against a real server (issue 5; a script, not a test). Two ways to run it:
 *
 *   npm run intake:load -- --url http://localhost:3000 [--n 500] [--data-dir DIR | --database-url URL]
 *     against a running server started with TRUST_PROXY=1 (this script is its one proxy): the form allows 10
 *     submissions per client address in 10 minutes, and every resident here sends its own X-Forwarded-For address;
 *   npm run intake:load -- --crash [--n 500] [--kill-at 0.4] [--kill-database]
 *     starts its own server (build first: `npx remix build`) on a fresh DATA_DIR, kills it with SIGKILL once that
 *     share of the submissions is confirmed (--kill-database: its PostgreSQL too), and starts it again on the same
 *     DATA_DIR while the residents send again, with the same cookies and submission keys, what got no answer.
 *
 * 1. N residents fill in the whole form at the same time, as a browser without JavaScript does, and send it;
 * 2. the same N send their summary page again, with the same submission keys (a resubmitted page);
 * 3. every confirmation's private status link is opened;
 * 4. given the server's database (--data-dir, --database-url, or --crash): every submission that was confirmed
 *    (answered with a redirect to the confirmation page) is there exactly once, with the reference shown, and the
 *    run left no intake that was not confirmed.
 * Exits 1 unless there are exactly N records and 0 errors.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import getPort from 'get-port'
import { checkRecords } from './intake-load/database'
import { type Confirmed, fillIn, LoadError, readConfirmation, Resident, resent, sendSummary } from './intake-load/resident'
import { ServerProcess } from './intake-load/server'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    n: { type: 'string', default: '500' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    crash: { type: 'boolean', default: false },
    'kill-at': { type: 'string', default: '0.4' },
    'kill-database': { type: 'boolean', default: false },
  },
})
const total = Number(values.n)
if (!Number.isInteger(total) || total < 1) throw new Error('--n must be a positive whole number')
const killAt = Number(values['kill-at'])
if (!(killAt > 0 && killAt < 1)) throw new Error('--kill-at must be a share between 0 and 1, e.g. 0.4')

const server = values.crash ? new ServerProcess(await getPort(), fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-load-'))) : undefined
const database = server ? { dataDir: server.dataDir } : { dataDir: values['data-dir'], databaseUrl: values['database-url'] }
const base = server ? server.base : new URL(values.url!).origin
if (server) console.log(`server started on ${base} (DATA_DIR ${server.dataDir}) in ${seconds(await server.start())}`)
// With the crash, a request without an answer is sent again for up to 5 minutes: the server comes back.
const network = { base, patience: server ? 300_000 : 0 }

/** This run's intakes carry this last name, so the database check counts only them. */
const lastName = `Load ${randomBytes(4).toString('hex')}`
/** Submission key → the reference its confirmation page showed, once the summary was answered with the redirect. */
const confirmed = new Map<string, string | undefined>()
/** The summaries sent and not answered yet, by submission key; at the kill, what they were and when. */
const sending = new Set<string>()
let crash: Promise<void> | undefined
let killed: { at: Date; sending: Set<string> } | undefined

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`
}

async function crashAndRestart(server: ServerProcess) {
  server.kill({ database: values['kill-database']! })
  killed = { at: new Date(), sending: new Set(sending) }
  const what = values['kill-database'] ? 'the server and its database' : 'the server'
  console.log(`  kill -9 of ${what}: ${confirmed.size} submissions confirmed, ${sending.size} summaries sent and not answered yet`)
  console.log(`  restarted on the same DATA_DIR in ${seconds(await server.start())}`)
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }
async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { ok: false, error: error instanceof LoadError ? error.message : `${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ''}` }
  }
}

function report(label: string, outcomes: Outcome<unknown>[], started: number) {
  const errors = outcomes.filter((o) => !o.ok) as { error: string }[]
  console.log(`${label}: ${outcomes.length - errors.length} ok, ${errors.length} errors, ${seconds(Date.now() - started)}`)
  const kinds = new Map<string, number>()
  for (const { error } of errors) kinds.set(error, (kinds.get(error) ?? 0) + 1)
  for (const [error, count] of [...kinds].slice(0, 5)) console.log(`  ${count}× ${error}`)
  return errors.length
}

const residents = Array.from({ length: total }, (_, i) => new Resident(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, network))
console.log(`${total} residents fill in and send the intake form at ${base} at the same time${server ? `; kill -9 at ${killAt * 100}% confirmed` : ''}`)

let started = Date.now()
const first = await Promise.all(
  residents.map((resident) =>
    attempt(async () => {
      const key = await fillIn(resident, lastName)
      const beforeSending = resident.clone()
      sending.add(key)
      try {
        await sendSummary(resident, key)
      } finally {
        sending.delete(key)
      }
      confirmed.set(key, undefined)
      if (server && !crash && confirmed.size >= killAt * total) {
        crash = crashAndRestart(server).catch((error: unknown) => {
          console.log(`the server did not come back: ${String(error)}`)
          process.exit(1)
        })
      }
      const shown: Confirmed = await readConfirmation(resident)
      confirmed.set(key, shown.reference)
      return { key, beforeSending, shown }
    }),
  ),
)
let errors = report('round 1 (fill in and send)', first, started)
if (server) {
  if (crash) await crash
  else errors += report('the crash', [{ ok: false, error: 'the server was never killed' }], started)
}

started = Date.now()
const sentFirst = first.flatMap((o) => (o.ok ? [o.value] : []))
const second = await Promise.all(
  sentFirst.map((s) =>
    attempt(async () => {
      await sendSummary(s.beforeSending, s.key)
      return readConfirmation(s.beforeSending)
    }),
  ),
)
errors += report('round 2 (the same summary pages again)', second, started)

const references = new Set(sentFirst.map((s) => s.shown.reference))
let duplicates = 0
for (const [index, outcome] of second.entries()) {
  if (!outcome.ok) continue
  if (outcome.value.reference === sentFirst[index]!.shown.reference) duplicates += 1
  else references.add(outcome.value.reference)
}

started = Date.now()
const verified = await Promise.all(
  sentFirst.map((s) =>
    attempt(async () => {
      const page = await new Resident('10.255.255.254', network).request(s.shown.statusPath)
      if (page.status !== 200 || !page.body.includes(s.shown.reference)) throw new LoadError(`status page ${page.status}`)
    }),
  ),
)
errors += report('round 3 (every confirmed intake on its status page)', verified, started)
console.log(`records created: ${references.size}, duplicates: ${duplicates}, errors: ${errors} (requests sent again after getting no answer: ${resent.count})`)

let ok = references.size === total && errors === 0
if (database.dataDir || database.databaseUrl) {
  const check = await checkRecords(database, lastName, confirmed)
  console.log(
    `database: ${check.records} intakes of this run for ${confirmed.size} confirmed submissions; confirmed but missing: ${check.lost.length}, ` +
      `more than once: ${check.duplicated.length}, another reference than shown: ${check.wrongReference.length}, never confirmed: ${check.unconfirmed}`,
  )
  if (killed) {
    const before = [...killed.sending].filter((key) => check.committedAt.get(key)! < killed!.at).length
    console.log(`  of the ${killed.sending.size} summaries sent and not answered at the kill, ${before} had been committed (sent again, they found their intake), the others were committed after the restart`)
  }
  ok &&= check.records === total && confirmed.size === total && check.lost.length + check.duplicated.length + check.wrongReference.length + check.unconfirmed === 0
}
if (server) {
  await server.stop()
  if (ok) fs.rmSync(server.dataDir, { recursive: true, force: true })
  else console.log(`DATA_DIR kept for a look: ${server.dataDir} (server.log inside)`)
}
console.log(ok ? 'PASS' : 'FAIL')
process.exitCode = ok ? 0 : 1
