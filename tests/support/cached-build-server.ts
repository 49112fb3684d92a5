import fs from 'node:fs'
import path from 'node:path'
import express from 'express'
import { type Builder, cachedBuild } from '#server/build-cache'

/**
 * A stand-in for `remix build`: index.js and one content-hashed asset made of app/root.tsx, as the real
 * compiler names its files. Shared by the build cache's test and the server it starts (`node … <root>` below).
 */
export const fakeRemixBuild: Builder = async (root, outDir) => {
  const source = fs.readFileSync(path.join(root, 'app', 'root.tsx'), 'utf8')
  const hash = Buffer.from(source).toString('hex').slice(0, 8)
  fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(outDir, 'assets', `root-${hash}.js`), source)
  fs.writeFileSync(path.join(outDir, 'index.js'), `export const assets = ['root-${hash}.js']\n`)
}

/**
 * Run as a process (`node --import tsx tests/support/cached-build-server.ts ROOT`): takes the cached build of ROOT
 * as server/index.ts does and serves its assets at /build as server/http.ts does, then prints
 * `serving PORT ASSET` and runs until it is stopped.
 */
async function serve(root: string) {
  const build = await cachedBuild(root, { builder: fakeRemixBuild })
  const [asset] = fs.readdirSync(build.assetsDir)
  const app = express().use('/build', express.static(build.assetsDir))
  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address()
    process.stdout.write(`serving ${typeof address === 'object' && address ? address.port : '?'} ${asset}\n`)
  })
  process.on('SIGTERM', () => {
    build.release()
    process.exit(0)
  })
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await serve(process.argv[2]!)
