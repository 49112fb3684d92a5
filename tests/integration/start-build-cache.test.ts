import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cachedBuild } from '#server/build-cache'
import { fakeRemixBuild } from '#tests/support/cached-build-server'

/**
 * npm start's build cache (server/build-cache.ts) with real processes and real HTTP: a server started on one
 * version of the sources keeps serving its assets while a second start builds a newer version, and a restart
 * on unchanged sources builds nothing. The compiler is a stand-in (tests/support/cached-build-server.ts): the
 * real `remix build` takes 8 s and is timed by `npm run bench:start`.
 */
const repo = path.resolve(import.meta.dirname, '../..')
const cleanUp: (() => void)[] = []
afterEach(() => {
  for (const step of cleanUp.splice(0).reverse()) step()
})

function checkout(rootSource: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stapsteen-build-cache-'))
  cleanUp.push(() => fs.rmSync(root, { recursive: true, force: true }))
  fs.mkdirSync(path.join(root, 'app'))
  fs.writeFileSync(path.join(root, 'app', 'root.tsx'), rootSource)
  return root
}

/** The stand-in server on `root`, once it serves: its port and asset. */
async function startServer(root: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/cached-build-server.ts', root], { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] })
  cleanUp.push(() => child.kill('SIGKILL'))
  const line = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('\n')) resolve(output.trim())
    })
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before it served`)))
  })
  const [, port, asset] = line.split(' ')
  return { child, url: `http://127.0.0.1:${port}/build/${asset}` }
}

const get = async (url: string) => {
  const response = await fetch(url)
  return { status: response.status, body: await response.text() }
}

const builds = (root: string) => fs.readdirSync(path.join(root, '.cache', 'builds')).sort()

describe('npm start builds only changed sources, and never removes what a running server serves', () => {
  it('keeps the first server’s assets while a start after a change builds anew; removes them once that server is gone', async () => {
    const root = checkout('export const version = 1')
    const first = await startServer(root)
    expect(await get(first.url)).toEqual({ status: 200, body: 'export const version = 1' })

    fs.writeFileSync(path.join(root, 'app', 'root.tsx'), 'export const version = 2')
    const second = await cachedBuild(root, { builder: fakeRemixBuild })
    cleanUp.push(second.release)
    expect(second.built).toBe(true)
    expect(builds(root)).toHaveLength(2)
    expect(await get(first.url)).toEqual({ status: 200, body: 'export const version = 1' })
    expect(fs.readdirSync(second.assetsDir).map((asset) => fs.readFileSync(path.join(second.assetsDir, asset), 'utf8'))).toEqual(['export const version = 2'])

    // The first server dies without cleaning up (kill -9): the next start removes its build, not its own.
    await new Promise((resolve) => {
      first.child.once('exit', resolve)
      first.child.kill('SIGKILL')
    })
    const builder = vi.fn(fakeRemixBuild)
    const restart = await cachedBuild(root, { builder })
    cleanUp.push(restart.release)
    expect(builder).not.toHaveBeenCalled()
    expect(restart).toMatchObject({ built: false, fingerprint: second.fingerprint, assetsDir: second.assetsDir })
    expect(builds(root)).toEqual([second.fingerprint])
  })

  it('reuses the build of unchanged sources without building, and removes a half-made build whose builder died', async () => {
    const root = checkout('export const version = 1')
    const builder = vi.fn(fakeRemixBuild)
    const made = await cachedBuild(root, { builder })
    cleanUp.push(made.release)
    expect(made.built).toBe(true)
    expect(builder).toHaveBeenCalledTimes(1)

    // A pid no process has (above Linux's pid_max): a start that died while building.
    const abandoned = path.join(root, '.cache', 'builds', 'ffffffffffffffff.building-4194305')
    fs.mkdirSync(abandoned, { recursive: true })
    const again = await cachedBuild(root, { builder })
    cleanUp.push(again.release)
    expect(builder).toHaveBeenCalledTimes(1)
    expect(again).toMatchObject({ built: false, fingerprint: made.fingerprint, serverBuildFile: made.serverBuildFile })
    expect(builds(root)).toEqual([made.fingerprint])
  })
})
