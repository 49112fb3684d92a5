import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { cachedBuild } from './build-cache'

const root = fileURLToPath(new URL('..', import.meta.url))

export type AppBuild = { build: ServerBuild; assetsDir: string; release: () => void }

/**
 * The Remix build this process serves. `npm start` (`--build`) takes the build of its sources from the cache,
 * making it first when they changed; without the flag it is the one `remix build` left in build/ and
 * public/build, as the tests and benchmarks make it before they start a server.
 */
export async function appBuild(options: { cached: boolean; log: (message: string) => void }): Promise<AppBuild> {
  if (!options.cached) {
    const build = (await import(pathToFileURL(path.join(root, 'build', 'index.js')).href)) as ServerBuild
    return { build, assetsDir: path.join(root, 'public', 'build'), release: () => {} }
  }
  const cached = await cachedBuild(root, { log: options.log })
  const build = (await import(pathToFileURL(cached.serverBuildFile).href)) as ServerBuild
  return { build, assetsDir: cached.assetsDir, release: cached.release }
}
