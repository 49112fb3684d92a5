import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleServer } from '#server/bundle-server'
import { fileTrees } from '#tests/support/file-tree'

const tree = fileTrees('stapsteen-bundle-')

// As the real server does: an #alias import, a module reading a file next to itself, a chunk imported later.
const checkout = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '#db/*': ['./db/*'] } } }),
  'db/reference/regions.json': '["Gent"]',
  'db/reference/load.ts': `import fs from 'node:fs'
export const regions: string[] = JSON.parse(fs.readFileSync(new URL('./regions.json', import.meta.url), 'utf8'))
export const folder = import.meta.dirname`,
  'server/later.ts': `export const later = 'loaded when asked'`,
  'server/index.ts': `import { folder, regions } from '#db/reference/load'
export const loaded = { regions, folder }
export const later = async () => (await import('./later')).later`,
}

type Bundle = { loaded: { regions: string[]; folder: string }; later: () => Promise<string> }

describe("npm start's server bundle (server/bundle-server.js)", () => {
  it('resolves the #aliases, keeps each module’s own import.meta, and keeps dynamic imports as chunks', async () => {
    const root = tree(checkout)
    const bundle = (await import(await bundleServer(root))) as Bundle
    expect(bundle.loaded).toEqual({ regions: ['Gent'], folder: path.join(root, 'db', 'reference') })
    expect(await bundle.later()).toBe('loaded when asked')
    const files = fs.readdirSync(path.join(root, '.cache', 'server', String(process.pid)))
    expect(files).toContain('index.js')
    expect(files.length).toBeGreaterThan(1)
  })

  it('sees a changed source at the next start: it bundles every time', async () => {
    const root = tree(checkout)
    const before = (await import(await bundleServer(root))) as Bundle
    fs.writeFileSync(path.join(root, 'db/reference/regions.json'), '["Gent","Brugge"]')
    fs.writeFileSync(path.join(root, 'server/later.ts'), `export const later = 'changed'`)
    // A query of its own: the same URL would be the module this process already imported.
    const after = (await import(`${await bundleServer(root)}?after`)) as Bundle
    expect(before.loaded.regions).toEqual(['Gent'])
    expect(after.loaded.regions).toEqual(['Gent', 'Brugge'])
    expect(await after.later()).toBe('changed')
  })

  it('removes the folders of processes that are gone, and keeps those of processes that run', async () => {
    const root = tree(checkout)
    const gone = spawnSync(process.execPath, ['-e', '']).pid!
    const running = process.ppid
    for (const pid of [gone, running]) fs.mkdirSync(path.join(root, '.cache', 'server', String(pid)), { recursive: true })
    await bundleServer(root)
    expect(fs.readdirSync(path.join(root, '.cache', 'server')).sort()).toEqual([String(running), String(process.pid)].sort())
  })

  it('refuses a source that does not compile, naming the file', async () => {
    const root = tree({ ...checkout, 'server/later.ts': 'export const later = (' })
    await expect(bundleServer(root)).rejects.toThrow(/server\/later\.ts/)
  })
})
