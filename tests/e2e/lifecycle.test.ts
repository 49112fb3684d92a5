import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * The life of one installation as an operator sees it: `npm start` on a new DATA_DIR, a second start by
 * mistake, a command next to the running server, a hard crash (kill -9) and a clean stop. Its own server
 * processes and DATA_DIR, separate from the e2e server of global-setup. The server starts as `npm start` starts
 * it, through server/start.js (the server bundled by esbuild, ADR 0021), serving the Remix build in build/.
 */
const root = path.resolve(import.meta.dirname, '../..')
const DEMO_PASSWORD_HINT = 'Demo-gegevens aangemaakt'

let dataDir: string
let lockFile: string
const processes: Running[] = []

type Running = {
  child: ChildProcess
  port: number
  out: () => string
  err: () => string
  exit: Promise<number | null>
}

function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', PORT: String(port), DATA_DIR: dataDir }
  // The embedded database of this DATA_DIR, whatever the shell around the test run says.
  for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'SEED_DEMO', 'RUN_WORKER']) delete env[name]
  return env
}

function launch(script: string, args: string[], port: number): Running {
  // The commands are TypeScript run by tsx; server/start.js is plain JavaScript, as in `npm start`.
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx']
  const child = spawn(process.execPath, [...loader, script, ...args], { cwd: root, env: serverEnv(port), stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  const running = { child, port, out: () => stdout, err: () => stderr, exit }
  processes.push(running)
  return running
}

const startServer = async () => launch('server/start.js', [], await getPort({ host: '127.0.0.1' }))
/** The folder with the server bundle of this process (server/bundle-server.js). */
const bundleOf = (server: Running) => path.join(root, '.cache', 'server', String(server.child.pid))

/** Waits until the server says it is ready; fails early, with its output, when it exits instead. */
async function ready(server: Running, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let exited: number | null | undefined
  void server.exit.then((code) => (exited = code))
  while (!server.out().includes('Stapsteen draait op')) {
    if (exited !== undefined || Date.now() > deadline) {
      throw new Error(
        `server ${exited !== undefined ? `exited with ${exited}` : `not ready in ${timeoutMs} ms`}\n--- stdout\n${server.out()}\n--- stderr\n${server.err()}`,
      )
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

const url = (server: Running, p: string) => `http://localhost:${server.port}${p}`
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const postmasterPid = () => Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0])

async function post(server: Running, p: string, fields: Record<string, string>, cookie?: string) {
  return fetch(url(server, p), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: `http://localhost:${server.port}`, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  })
}

/** Nothing a person would read as trouble: no stderr, no warn/error log lines on stdout. */
function expectQuietOutput(server: Running) {
  expect(server.err()).toBe('')
  expect(server.out()).not.toMatch(/"level":(40|50|60)/)
  expect(server.out()).not.toMatch(/error|fout|could not start/i)
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-lifecycle-'))
  lockFile = path.join(dataDir, 'postgres', 'postmaster.pid')
})

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
  await Promise.all(processes.map((p) => p.exit))
  // A postmaster orphaned by a failed test must not outlive the run.
  if (fs.existsSync(lockFile)) {
    const pid = postmasterPid()
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGQUIT')
      for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('server lifecycle on one DATA_DIR', () => {
  let first: Running
  let second: Running
  let setupLink: URL

  // How fast is bench:start's measure (issue 16: ≤ 10 s on a fresh clone), not a timed test's: this one may run beside
  // another test file on a busy machine. The wait below only bounds a hang.
  it('starts on an empty DATA_DIR, prints the demo logins and serves the portal', async () => {
    first = await startServer()
    await ready(first, 45_000)
    const html = await (await fetch(url(first, '/'))).text()
    expect(html).toContain('<html lang="nl"')
    expect(first.out()).toContain(DEMO_PASSWORD_HINT)
    expect(first.out()).toContain('beheer@demo.stapsteen.be')
    expect(first.out()).toContain(`Stapsteen draait op http://localhost:${first.port}`)
    expectQuietOutput(first)
  })

  it('refuses a second server on the same DATA_DIR with one sentence and exit code 1', async () => {
    const other = await startServer()
    expect(await other.exit).toBe(1)
    const lines = other.err().split('\n').filter((l) => l.trim() !== '')
    expect(lines).toEqual([
      `Stapsteen is already running on DATA_DIR ${dataDir} (process ${first.child.pid}). Stop it first, or start this one with another DATA_DIR.`,
    ])
    expect(other.out()).not.toContain('Stapsteen draait op')
    expect(fs.existsSync(bundleOf(other))).toBe(false)
    // The first server is untouched.
    expect((await fetch(url(first, '/healthz'))).status).toBe(200)
  })

  it('lets user:create borrow the running database', async () => {
    const command = launch('cli/user-create.ts', ['crash.test@example.test', '--role', 'employer', '--org', 'bakkerij-van-damme'], first.port)
    expect(await command.exit, command.err()).toBe(0)
    const link = /^http:\/\/localhost:\d+\/wachtwoord-nieuw\?token=[A-Za-z0-9_-]+$/m.exec(command.out())
    expect(link, command.out()).not.toBeNull()
    setupLink = new URL(link![0])
    // Borrowing did not take the database away from the server.
    const readyz = await fetch(url(first, '/readyz'))
    expect(await readyz.json()).toMatchObject({ checks: { database: 'ok', jobQueue: 'ok' } })
  })

  it('starts cleanly after kill -9, keeping the data and not seeding again', async () => {
    const orphan = postmasterPid()
    first.child.kill('SIGKILL')
    await first.exit
    // The crash left the database server running without its owner.
    expect(isAlive(orphan)).toBe(true)

    second = await startServer()
    await ready(second, 45_000)
    expect(second.out()).not.toContain(DEMO_PASSWORD_HINT)
    expectQuietOutput(second)
    expect(isAlive(orphan)).toBe(false)
    // The killed server's bundle went with the next start.
    expect(fs.existsSync(bundleOf(first))).toBe(false)
    expect(fs.existsSync(bundleOf(second))).toBe(true)
    expect((await fetch(url(second, '/healthz'))).status).toBe(200)
    const readyz = await fetch(url(second, '/readyz'))
    expect(await readyz.json()).toMatchObject({ checks: { database: 'ok', jobQueue: 'ok' } })

    // The account made before the crash is still there: set its password through the link, then log in.
    const password = 'een lange zin als wachtwoord'
    const token = setupLink.searchParams.get('token')!
    const reset = await post(second, '/wachtwoord-nieuw', { token, password, confirm: password })
    expect(reset.status, await reset.clone().text()).toBe(302)
    expect(reset.headers.get('Location')).toBe('/inloggen')

    const login = await post(second, '/inloggen', { email: 'crash.test@example.test', password, redirectTo: '' })
    expect(login.status, await login.clone().text()).toBe(302)
    expect(login.headers.get('Location')).toBe('/werkgever')
    const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!
    const home = await fetch(url(second, '/werkgever'), { headers: { Cookie: cookie }, redirect: 'manual' })
    expect(home.status).toBe(200)

    // So is the demo data of the first start.
    const demo = await post(second, '/inloggen', { email: 'beheer@demo.stapsteen.be', password: 'stapsteen-demo-2026', redirectTo: '' })
    expect(demo.headers.get('Location')).toBe('/admin')
  })

  it('stops on SIGTERM with exit code 0 and takes its PostgreSQL with it', async () => {
    const postmaster = postmasterPid()
    second.child.kill('SIGTERM')
    expect(await second.exit).toBe(0)
    expect(fs.existsSync(lockFile)).toBe(false)
    for (let i = 0; i < 50 && isAlive(postmaster); i++) await new Promise((r) => setTimeout(r, 100))
    expect(isAlive(postmaster)).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'postgres-owner.json'))).toBe(false)
    expect(fs.existsSync(bundleOf(second))).toBe(false)
    expectQuietOutput(second)
  })
})
