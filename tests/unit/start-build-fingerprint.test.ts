import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILD_INPUTS, buildFingerprint } from '#server/build-fingerprint'
import { fileTrees, writeFile as write } from '#tests/support/file-tree'

const tree = fileTrees('stapsteen-fingerprint-')

const checkout = {
  'app/root.tsx': 'export default function App() {}',
  'app/routes/_index.tsx': 'export default function Index() {}',
  'domain/values.ts': 'export const roles = []',
  'db/reference/municipalities.json': '[]',
  'remix.config.js': 'export default {}',
  'package-lock.json': '{"lockfileVersion":3}',
  'server/index.ts': 'main()',
  'tests/unit/x.test.ts': 'it()',
  'README.md': '# Stapsteen',
}

describe('the build fingerprint (whether npm start builds)', () => {
  it('is the same for the same sources, whatever their dates or the order they were written in', () => {
    const first = tree(checkout)
    const second = tree(Object.fromEntries(Object.entries(checkout).reverse()))
    fs.utimesSync(path.join(second, 'app/root.tsx'), new Date(2020, 0, 1), new Date(2020, 0, 1))
    expect(buildFingerprint(second)).toBe(buildFingerprint(first))
    expect(buildFingerprint(first)).toMatch(/^[0-9a-f]{16}$/)
  })

  it('changes when a source in app/, domain/ or db/ changes, and comes back when the edit is undone', () => {
    const dir = tree(checkout)
    const before = buildFingerprint(dir)
    const seen = new Set([before])
    for (const file of ['app/routes/_index.tsx', 'domain/values.ts', 'db/reference/municipalities.json']) {
      write(dir, file, `${checkout[file as keyof typeof checkout]} `)
      seen.add(buildFingerprint(dir))
      write(dir, file, checkout[file as keyof typeof checkout])
      expect(buildFingerprint(dir)).toBe(before)
    }
    expect(seen.size).toBe(4)
  })

  it('changes with a new file in app/, a new package version or a compiler setting', () => {
    const before = buildFingerprint(tree(checkout))
    expect(buildFingerprint(tree({ ...checkout, 'app/components/new.tsx': '' }))).not.toBe(before)
    expect(buildFingerprint(tree({ ...checkout, 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' }))).not.toBe(before)
    expect(buildFingerprint(tree({ ...checkout, 'remix.config.js': 'export default { postcss: true }' }))).not.toBe(before)
  })

  it('tells a renamed file, or content moved between files, from the original', () => {
    const before = buildFingerprint(tree({ 'app/ab.ts': 'c', 'app/x.ts': '' }))
    expect(buildFingerprint(tree({ 'app/a.ts': 'c', 'app/x.ts': '' }))).not.toBe(before)
    expect(buildFingerprint(tree({ 'app/ab.ts': '', 'app/x.ts': 'c' }))).not.toBe(before)
  })

  it('does not change for what the bundle never reads: server/, tests/, docs, README', () => {
    const before = buildFingerprint(tree(checkout))
    const edited = { ...checkout, 'server/index.ts': 'main() // changed', 'tests/unit/x.test.ts': 'expect(1).toBe(1)', 'README.md': '# Changed', 'docs/new.md': 'new', 'cli/new.ts': '' }
    expect(buildFingerprint(tree(edited))).toBe(before)
  })

  it('covers everything the bundle imports: every `#alias/…` import in a build input points into a build input', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } }
    const targets = new Map(Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias.replace('/*', ''), target!.replace(/^\.\//, '').replace('/*', '')]))
    const inInputs = (file: string) => BUILD_INPUTS.some((input) => file === input || file.startsWith(`${input}/`))
    const imported = new Set<string>()
    for (const folder of BUILD_INPUTS.filter((input) => fs.statSync(path.join(root, input)).isDirectory())) {
      for (const file of fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|tsx|js)$/.test(f))) {
        const source = fs.readFileSync(path.join(root, folder, file), 'utf8')
        for (const [, alias, rest] of source.matchAll(/(?:from|import\()\s*'(#\w+)\/([^']+)'/g)) imported.add(`${targets.get(alias!)}/${rest}`)
      }
    }
    expect(imported.size).toBeGreaterThan(100)
    expect([...imported].filter((file) => !inInputs(file))).toEqual([])
    // The schema a route serves is read by the bundle; the rest of docs/ is not, and editing it builds nothing.
    expect(imported).toContain('docs/schemas/placement.schema.json')
    expect(BUILD_INPUTS.filter((input) => ['server', 'cli', 'bench', 'scripts', 'tests', 'docs'].includes(input))).toEqual([])
  })
})
