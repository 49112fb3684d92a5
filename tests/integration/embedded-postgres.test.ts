import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DataDirBusyError, type EmbeddedDatabase, startEmbeddedPostgres } from '#db/embedded'

/**
 * The DATA_DIR lifecycle of the embedded PostgreSQL, on a DATA_DIR of its own: one owner, borrowing commands,
 * data that survives a restart, and recovery from an owner that died without stopping its server.
 */
let dataDir: string
let ownerFile: string
let lockFile: string
let current: EmbeddedDatabase | undefined
const children: ChildProcess[] = []
const logs: string[] = []

const start = (kind: 'server' | 'command') => startEmbeddedPostgres({ dataDir, kind, log: (m) => logs.push(m) })

async function query<T extends Record<string, unknown>>(url: string, text: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    return (await sql.unsafe(text)) as unknown as T[]
  } finally {
    await sql.end({ timeout: 5 })
  }
}

const readOwner = () => JSON.parse(fs.readFileSync(ownerFile, 'utf8')) as { pid: number; kind: string; port: number }
const postmasterPid = () => Number(fs.readFileSync(lockFile, 'utf8').split('\n')[0])
const portOf = (url: string) => Number(new URL(url).port)
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** A stopped process may take a moment to disappear after its pid file is gone. */
async function exited(pid: number) {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
  return !isAlive(pid)
}

/** A process that stays alive: stands in for another `npm start` that owns the DATA_DIR. */
function liveProcess() {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' })
  children.push(child)
  return child.pid!
}

/** The pid of a process that has already exited: an owner killed with kill -9. */
async function deadPid() {
  const child = spawn('true', { stdio: 'ignore' })
  const pid = child.pid!
  await new Promise((resolve) => child.on('exit', resolve))
  expect(isAlive(pid)).toBe(false)
  return pid
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-embedded-'))
  ownerFile = path.join(dataDir, 'postgres-owner.json')
  lockFile = path.join(dataDir, 'postgres', 'postmaster.pid')
})

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL')
  try {
    await current?.stop()
  } finally {
    // Whatever a failed test left behind: no postmaster may outlive the test run.
    if (fs.existsSync(lockFile)) {
      const pid = postmasterPid()
      if (isAlive(pid)) {
        process.kill(pid, 'SIGQUIT')
        for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

describe('embedded PostgreSQL on a DATA_DIR', () => {
  it('starts a fresh cluster for the server and records the server as owner', async () => {
    current = await start('server')
    expect(current.owned).toBe(true)
    expect((await query<{ n: number }>(current.url, 'select 1 as n'))[0]?.n).toBe(1)
    expect(readOwner()).toEqual({ pid: process.pid, kind: 'server', port: portOf(current.url) })
    expect(fs.statSync(path.join(dataDir, 'postgres-credentials.json')).mode & 0o777).toBe(0o600)
    expect(new URL(current.url).hostname).toBe('127.0.0.1')
    await query(current.url, "create table kept (note text); insert into kept values ('before restart')")
  })

  it('refuses a second server while another live process owns the DATA_DIR', async () => {
    const port = portOf(current!.url)
    const other = liveProcess()
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: other, kind: 'server', port }))
    const error = await start('server').then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DataDirBusyError)
    expect((error as Error).message).toBe(
      `Stapsteen is already running on DATA_DIR ${dataDir} (process ${other}). Stop it first, or start this one with another DATA_DIR.`,
    )

    // The same when a command holds it, with a message that says to wait.
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: other, kind: 'command', port }))
    await expect(start('server')).rejects.toThrow(new DataDirBusyError(`A Stapsteen command (process ${other}) is using DATA_DIR ${dataDir}. Wait until it has finished and start again.`))
    // Refusing touched nothing: the running database still answers.
    expect((await query<{ n: number }>(current!.url, 'select count(*)::int as n from kept'))[0]?.n).toBe(1)
  })

  it('lets a command borrow the running database and leave it running', async () => {
    const port = portOf(current!.url)
    const other = liveProcess()
    fs.writeFileSync(ownerFile, JSON.stringify({ pid: other, kind: 'server', port }))
    const postmaster = postmasterPid()

    const borrowed = await start('command')
    expect(borrowed.owned).toBe(false)
    expect(portOf(borrowed.url)).toBe(port)
    expect((await query<{ note: string }>(borrowed.url, 'select note from kept'))[0]?.note).toBe('before restart')
    await borrowed.stop()
    // Still the same server, still answering, still owned by the other process.
    expect(postmasterPid()).toBe(postmaster)
    expect(isAlive(postmaster)).toBe(true)
    expect((await query<{ n: number }>(current!.url, 'select 1 as n'))[0]?.n).toBe(1)
    expect(readOwner().pid).toBe(other)

    fs.writeFileSync(ownerFile, JSON.stringify({ pid: process.pid, kind: 'server', port }))
  })

  it('keeps data across a stop and a start', async () => {
    const postmaster = postmasterPid()
    await current!.stop()
    current = undefined
    expect(await exited(postmaster)).toBe(true)
    expect(fs.existsSync(lockFile)).toBe(false)
    expect(fs.existsSync(ownerFile)).toBe(false)

    logs.length = 0
    current = await start('server')
    expect(current.owned).toBe(true)
    expect(logs.join('\n')).not.toMatch(/first start/)
    expect((await query<{ note: string }>(current.url, 'select note from kept'))[0]?.note).toBe('before restart')
    await query(current.url, "insert into kept values ('after restart')")
  })

  it.each([
    ['points to a dead process', async () => fs.writeFileSync(ownerFile, JSON.stringify({ pid: await deadPid(), kind: 'server', port: 1 }))],
    ['is missing', async () => fs.rmSync(ownerFile)],
  ])('stops and restarts a server left running by a killed owner (owner file %s)', async (_case, orphan) => {
    const before = postmasterPid()
    expect(isAlive(before)).toBe(true)
    // The owner "dies" without stopping its server: its handle must never be used again.
    current = undefined
    await orphan()

    logs.length = 0
    current = await start('server')
    expect(logs.join('\n')).toContain(`Stopping a PostgreSQL left running by an earlier process (pid ${before}).`)
    expect(await exited(before)).toBe(true)
    expect(postmasterPid()).not.toBe(before)
    expect(readOwner()).toEqual({ pid: process.pid, kind: 'server', port: portOf(current.url) })
    const notes = await query<{ note: string }>(current.url, 'select note from kept order by note')
    expect(notes.map((r) => r.note)).toEqual(['after restart', 'before restart'])
  })
})
