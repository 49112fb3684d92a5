import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

/**
 * Checkouts made of a few files, for the tests of `npm start`'s build steps: `tree(files)` writes them (path →
 * content) into a fresh temporary folder, removed after each test.
 */
export function fileTrees(prefix: string) {
  const trees: string[] = []
  afterEach(() => {
    for (const tree of trees.splice(0)) fs.rmSync(tree, { recursive: true, force: true })
  })
  return (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    trees.push(dir)
    for (const [file, content] of Object.entries(files)) writeFile(dir, file, content)
    return dir
  }
}

export function writeFile(dir: string, file: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  fs.writeFileSync(path.join(dir, file), content)
}
