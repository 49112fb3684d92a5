import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * What `remix build` reads: every folder the app bundle imports from (tsconfig's aliases minus the processes and
 * tests, which the bundle never reaches; of docs/ only the JSON schemas a route serves) and the files that configure the compiler, PostCSS/Tailwind and the
 * installed packages. A change anywhere here means a new build; a change elsewhere (server/, cli/, tests/, docs/,
 * README.md) does not. Too wide costs a needless build after an unrelated edit in db/; too narrow would serve
 * yesterday's code, so in doubt a folder is in (docs/decisions/0019-start-build-cache.md).
 */
export const BUILD_INPUTS = [
  'app',
  'domain',
  'core',
  'db',
  'search',
  'emails',
  'docs/schemas',
  'remix.config.js',
  'postcss.config.js',
  'tsconfig.json',
  'remix.env.d.ts',
  'package.json',
  'package-lock.json',
]

/**
 * A hash of the build inputs' paths and contents, not of their dates: a fresh clone of the same commit has new
 * mtimes and must reuse a build made from the same sources, and an edit that is undone must too.
 */
export function buildFingerprint(root: string, inputs: readonly string[] = BUILD_INPUTS): string {
  const hash = createHash('sha256')
  for (const file of inputFiles(root, inputs)) {
    // The path's length first: ("ab", "c…") and ("a", "bc…") must not hash alike.
    hash.update(`${file.length}:${file}\0`)
    hash.update(createHash('sha256').update(fs.readFileSync(path.join(root, file))).digest())
  }
  return hash.digest('hex').slice(0, 16)
}

/** The inputs' files relative to root with `/` separators, sorted, so the order of readdir never matters. */
function inputFiles(root: string, inputs: readonly string[]): string[] {
  const files: string[] = []
  for (const input of inputs) {
    const full = path.join(root, input)
    const stat = fs.statSync(full, { throwIfNoEntry: false })
    if (stat?.isFile()) files.push(input)
    else if (stat?.isDirectory()) {
      for (const entry of fs.readdirSync(full, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      }
    }
  }
  return files.sort()
}
