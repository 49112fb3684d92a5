import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import getPort from 'get-port'

/**
 * `npm run bench:start`: how long a new user waits for the first page (issue 16, point 12). A fresh clone of
 * this checkout's HEAD (uncommitted changes are not in it) with this checkout's node_modules linked in, its
 * own DATA_DIR, started as `npm start` starts it (`node server/start.js --build`, without npm's own half
 * second), timed from spawn to the first 200 on `/`, three times:
 *   first    nothing built, no database: the Remix build, initdb, migrations, reference data, the demo seed;
 *   restart  the same sources and database again;
 *   change   after a one-line edit in app/: the build again, on the existing database.
 * Each start also prints where its time went (the server's `booted` and `ready` log lines). Targets: first ≤ 10 s,
 * restart ≤ 3 s. It reports and does not fail on a miss; the machine's load is printed with the figures, since a
 * busy machine stretches every figure.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const TIMEOUT_MS = 300_000

type Start = { name: string; ms: number; booted?: Record<string, number>; ready?: Record<string, unknown> }

async function main() {
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-bench-start-'))
  // mkdtemp makes it private; the embedded PostgreSQL runs as the OS user postgres when we are root.
  fs.chmodSync(checkout, 0o755)
  const load = os.loadavg().map((n) => n.toFixed(1)).join(' ')
  try {
    process.stderr.write(`cloning into ${checkout}…\n`)
    execFileSync('git', ['clone', '--quiet', root, checkout])
    fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(checkout, 'node_modules'))
    const starts: Start[] = []
    for (const name of ['first', 'restart', 'change']) {
      if (name === 'change') fs.appendFileSync(path.join(checkout, 'app', 'root.tsx'), '\n// bench:start changed this line\n')
      process.stderr.write(`${name} start…\n`)
      starts.push(await timeStart(checkout, name))
    }
    process.stdout.write(report(starts, load))
  } finally {
    fs.rmSync(checkout, { recursive: true, force: true })
  }
}

async function timeStart(checkout: string, name: string): Promise<Start> {
  const port = await getPort({ host: '127.0.0.1' })
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: path.join(checkout, '.data'), LOG_LEVEL: 'info' }
  // The embedded database, the demo and the dev outbox, as on a new user's machine, whatever this shell says.
  for (const unset of ['DATABASE_URL', 'PUBLIC_URL', 'SEED_DEMO', 'RUN_WORKER', 'RESEND_API_KEY', 'MEILISEARCH_URL', 'TRUST_PROXY']) delete env[unset]
  const started = performance.now()
  const child = spawn(process.execPath, ['server/start.js', '--build'], { cwd: checkout, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The ${name} start stopped (exit ${child.exitCode}):\n${output}`)
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`The ${name} start gave no 200 on / within ${TIMEOUT_MS / 1000} s:\n${output}`)
      if (await answers200(`http://127.0.0.1:${port}/`)) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const ms = Math.round(performance.now() - started)
    // The job handlers load after the first answer; the ready line (with the figures) follows once they have.
    while (!output.includes('Stapsteen draait op') && child.exitCode === null && performance.now() - started < TIMEOUT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return { name, ms, booted: logged(output, 'booted')?.steps as Record<string, number>, ready: logged(output, 'Stapsteen is ready') }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

async function answers200(url: string) {
  try {
    const response = await fetch(url)
    await response.arrayBuffer()
    return response.status === 200
  } catch {
    return false
  }
}

/** The server's JSON log line with this message, if it wrote one. */
function logged(output: string, message: string): Record<string, unknown> | undefined {
  const line = output.split('\n').find((l) => l.startsWith('{') && l.includes(`"msg":"${message}"`))
  return line ? (JSON.parse(line) as Record<string, unknown>) : undefined
}

function report(starts: Start[], load: string) {
  const cpu = os.cpus()
  const lines = [
    `bench:start ${new Date().toISOString().slice(0, 16)}Z, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average at the start ${load}`,
    '',
    '| start | first 200 on / | modules loaded (before main) | build ready | boot steps (ms) |',
    '|---|---|---|---|---|',
  ]
  for (const s of starts) {
    const beforeMain = Number(s.ready?.sinceProcessStart ?? NaN) - Number(s.ready?.ms ?? NaN)
    const steps = s.booted ? Object.entries(s.booted).map(([k, v]) => `${k} ${v}`).join(', ') : '?'
    lines.push(`| ${s.name} | ${(s.ms / 1000).toFixed(1)} s | ${(beforeMain / 1000).toFixed(1)} s | ${(Number(s.ready?.buildReady) / 1000).toFixed(1)} s after main | ${steps} |`)
  }
  return `${lines.join('\n')}\n`
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
