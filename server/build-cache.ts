import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ConfigError } from '#core/env'
import { isAlive } from '#db/embedded'
import { buildFingerprint } from './build-fingerprint'

/**
 * `npm start`'s Remix build, made only when the sources changed (issue 16, point 12; ADR 0019). Each build lives
 * in a folder named by the fingerprint of its inputs, `.cache/builds/<fingerprint>/` (server bundle `index.js`,
 * browser assets `assets/`), and a server serves the folder it started with. A start after a change builds a new
 * folder next to the old ones, so a server still running never loses its CSS and JS; a folder goes once no live
 * server has it in use (a file per process in its `in-use/`).
 */
export type CachedBuild = { fingerprint: string; serverBuildFile: string; assetsDir: string; built: boolean; release: () => void }

/** Writes a Remix build into `outDir` (index.js and assets/); the default runs `remix build` (see remix.config.js). */
export type Builder = (root: string, outDir: string) => Promise<void>

const BUILDS = path.join('.cache', 'builds')

export async function cachedBuild(root: string, options: { builder?: Builder; pid?: number; log?: (message: string) => void } = {}): Promise<CachedBuild> {
  const { builder = remixBuild, pid = process.pid, log = () => {} } = options
  const fingerprint = buildFingerprint(root)
  const builds = path.join(root, BUILDS)
  const dir = path.join(builds, fingerprint)
  const result = (built: boolean): CachedBuild => ({
    fingerprint,
    serverBuildFile: path.join(dir, 'index.js'),
    assetsDir: path.join(dir, 'assets'),
    built,
    release: () => fs.rmSync(marker(dir, pid), { force: true }),
  })
  // In use before it is looked at: another start's clean-up never removes a folder between our check and our use.
  if (fs.existsSync(dir)) markInUse(dir, pid)
  if (fs.existsSync(path.join(dir, 'index.js'))) {
    removeUnused(builds, fingerprint)
    return result(false)
  }

  // Left by a clean-up that ran as we marked it: build afresh.
  fs.rmSync(dir, { recursive: true, force: true })
  log('Building the app: its sources changed since the last build (or there was none yet)…')
  const staging = `${dir}.building-${pid}`
  fs.rmSync(staging, { recursive: true, force: true })
  fs.mkdirSync(staging, { recursive: true })
  await builder(root, staging)
  markInUse(staging, pid)
  try {
    fs.renameSync(staging, dir)
  } catch (error) {
    // Another start made the same build first (a folder with contents cannot be replaced): use that one.
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    fs.rmSync(staging, { recursive: true, force: true })
    markInUse(dir, pid)
  }
  removeUnused(builds, fingerprint)
  return result(true)
}

const marker = (dir: string, pid: number) => path.join(dir, 'in-use', String(pid))

function markInUse(dir: string, pid: number) {
  fs.mkdirSync(path.join(dir, 'in-use'), { recursive: true })
  fs.writeFileSync(marker(dir, pid), '')
}

/** Removes the other builds no live process uses, and half-made ones whose builder died. */
function removeUnused(builds: string, current: string) {
  for (const name of fs.readdirSync(builds)) {
    if (name === current) continue
    const building = /\.building-(\d+)$/.exec(name)
    const users = building ? [building[1]!] : readdirOrEmpty(path.join(builds, name, 'in-use'))
    if (users.some((pid) => isAlive(Number(pid)))) continue
    fs.rmSync(path.join(builds, name), { recursive: true, force: true })
  }
}

/** A folder's entries; none when it is gone (or going: another start may be removing it right now). */
function readdirOrEmpty(dir: string) {
  try {
    return fs.readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/**
 * `remix build` in a child process, its output kept for the error. The child stops with us: a start that fails
 * (port in use, database busy) leaves no build running in the background.
 */
const remixBuild: Builder = (root, outDir) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', '@remix-run', 'dev', 'dist', 'cli.js'), 'build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', STAPSTEEN_BUILD_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const stop = () => child.kill('SIGTERM')
    process.once('exit', stop)
    child.on('error', reject)
    child.on('exit', (code) => {
      process.off('exit', stop)
      if (code === 0) resolve()
      else reject(new ConfigError(`The app did not build (remix build exited with ${code}):\n${output.trim()}`))
    })
  })
