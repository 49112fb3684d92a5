// @ts-check
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

/**
 * `npm start` runs the server's own modules (server/index.ts and what it imports from core/, db/, search/, app/ …)
 * as one JavaScript bundle that esbuild makes at each start, instead of through tsx: tsx's loader transpiles in a
 * thread of its own and every module the process imports, each package of the Remix build included, makes a
 * round trip to it, which cost a restart more than a second (docs/benchmarks.md). esbuild bundles the ~200 files
 * in a few tenths of a second in its own process; bundling at every start needs no check of what changed.
 *
 * Each process has its own folder, `.cache/server/<pid>/`, removed when it exits: its lazily imported chunks
 * (the job handlers, the demo seed) are read after the start, so another start must never replace them. A folder
 * left by a killed process is removed by the next start. The tests and the other commands still run the
 * TypeScript through tsx; this bundle is only `npm start`'s.
 */

/** Bundles `entry` (relative to root) for this process and returns the bundle's file URL. */
export async function bundleServer(/** @type {string} */ root, { entry = 'server/index.ts', pid = process.pid } = {}) {
  const bundles = path.join(root, '.cache', 'server')
  removeDeadBundles(bundles)
  const outdir = path.join(bundles, String(pid))
  fs.rmSync(outdir, { recursive: true, force: true })
  process.once('exit', () => fs.rmSync(outdir, { recursive: true, force: true }))
  try {
    await build(root, entry, outdir)
  } finally {
    // esbuild's service process would otherwise live as long as the server.
    await esbuild.stop()
  }
  return pathToFileURL(path.join(outdir, 'index.js')).href
}

function build(/** @type {string} */ root, /** @type {string} */ entry, /** @type {string} */ outdir) {
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: entry },
    outdir,
    bundle: true,
    // Dynamic imports stay chunks loaded when reached: the job handlers still load after the first answer.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages load from node_modules as before; only our own TypeScript (with tsconfig's #aliases) is bundled.
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [originalImportMeta],
    logLevel: 'silent',
  })
}

// In the bundle a module's import.meta would be the bundle's; modules read files next to themselves (the
// migrations, the reference data), so each keeps its own file's URL, path and folder.
const IMPORT_META = /\bimport\.meta\.(url|filename|dirname)\b/g

/** @type {esbuild.Plugin} */
const originalImportMeta = {
  name: 'original-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/, namespace: 'file' }, async ({ path: file }) => {
      const source = await fs.promises.readFile(file, 'utf8')
      const meta = { url: pathToFileURL(file).href, filename: file, dirname: path.dirname(file) }
      const contents = source.replace(IMPORT_META, (_, key) => JSON.stringify(meta[/** @type {keyof typeof meta} */ (key)]))
      return { contents, loader: /** @type {esbuild.Loader} */ (path.extname(file).slice(1).replace(/^[cm]/, '')) }
    })
  },
}

/** Removes the folders of processes that are gone (a `kill -9` leaves its folder). */
function removeDeadBundles(/** @type {string} */ bundles) {
  const names = fs.existsSync(bundles) ? fs.readdirSync(bundles) : []
  for (const name of names) {
    if (/^\d+$/.test(name) && !isAlive(Number(name))) fs.rmSync(path.join(bundles, name), { recursive: true, force: true })
  }
}

/** Whether a process with this pid runs (EPERM: it does, as another user). */
function isAlive(/** @type {number} */ pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM'
  }
}
