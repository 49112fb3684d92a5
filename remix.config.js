import { flatRoutes } from 'remix-flat-routes'

// `npm start` builds into a folder of its own (server/build-cache.ts), so a running server keeps its files.
const outDir = process.env.STAPSTEEN_BUILD_DIR

/**
 * Remix v2 with the classic compiler (the stack card asks for it; see docs/decisions/0001-stack.md).
 * Routes live in remix-flat-routes folders grouped by user: werkgever+/, begeleider+/, admin+/ …
 * CSS goes through PostCSS (postcss.config.js) for Tailwind v4.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  ignoredRouteFiles: ['**/*'],
  routes: async (defineRoutes) =>
    flatRoutes('routes', defineRoutes, { ignoredRouteFiles: ['**/.*', '**/*.test.{ts,tsx}', '**/*.server.{ts,tsx}'] }),
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  serverDependenciesToBundle: [/^remix-i18next/],
  postcss: true,
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
  watchPaths: ['./domain/**/*.ts', './db/**/*.ts', './emails/**/*.tsx', './core/**/*.ts'],
  ...(outDir ? { serverBuildPath: `${outDir}/index.js`, assetsBuildDirectory: `${outDir}/assets` } : {}),
}
