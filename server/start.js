// @ts-check
import { fileURLToPath } from 'node:url'
import { bundleServer } from './bundle-server.js'

/**
 * `npm start`: plain JavaScript, so Node runs it without a TypeScript loader. It bundles server/index.ts with
 * esbuild (./bundle-server.js) and runs the bundle in this process, with this process's arguments (`--build`).
 */
try {
  await import(await bundleServer(fileURLToPath(new URL('..', import.meta.url))))
} catch (error) {
  process.stderr.write(`\nStapsteen could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
}
