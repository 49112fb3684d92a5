/**
 * The layers of docs/architecture.md, kept by a tool (issue 12). `npm test` runs `npm run lint:deps`; a wrong
 * arrow fails with the rule's name and its comment. Layers, bottom to top:
 *   core, domain → db → adapters (search, emails) → shared web (app/auth, app/utils, app/components)
 *   → features (app/features/<feature>) → routes (app/routes, app/root.tsx) → processes (server, cli, bench, scripts)
 */
const ours = '^(app|domain|core|db|search|emails|server|cli|bench|scripts)/'

/** A layer whose modules may import, of our folders, only those matching `allowed` ($1 = the layer's own folder). */
const onlyImports = (name, comment, from, allowed) => ({ name, severity: 'error', comment, from: { path: from }, to: { path: ours, pathNot: allowed } })

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two modules import each other (directly or through others): move the shared part into a third module both import.',
      from: {},
      to: { circular: true },
    },
    onlyImports(
      'core-imports-nothing-of-ours',
      'core/ is the bottom layer (env, logger, job queue, sealing, secrets): it imports no other folder of ours.',
      '^core/',
      '^core/',
    ),
    onlyImports(
      'domain-is-pure',
      'domain/ holds rules and schemas without I/O, used by browser and server alike: it imports only itself (pass data in; put use cases in a feature).',
      '^domain/',
      '^domain/',
    ),
    onlyImports(
      'db-imports-only-domain-and-core',
      'db/ reads and writes data: it imports domain/ and core/ only, never the web app, an adapter or a process (features call db, not the other way round).',
      '^db/',
      '^(core|domain|db)/',
    ),
    onlyImports(
      'adapters-import-db-domain-core',
      'search/ and emails/ are adapters: they import db/, domain/ and core/ only (a use case that needs both lives in a feature).',
      '^(search|emails)/',
      ['^(core|domain|db)/', '^$1/'],
    ),
    {
      name: 'shared-web-knows-no-feature',
      severity: 'error',
      comment: 'app/auth, app/utils and app/components are shared by every feature: they must not import a feature, a route or a process.',
      from: { path: '^app/(auth|utils|components)/' },
      to: { path: '^(app/features|app/routes|app/root|server|cli|bench|scripts)' },
    },
    {
      name: 'components-do-not-query',
      severity: 'error',
      comment: 'A component renders what it is given: it does not call the database, an engine or a mailer (a type import is fine; the query lives in a feature).',
      from: { path: '^app/(components|features)/.+\\.tsx$', pathNot: '\\.server\\.' },
      to: { path: '^(db|search|emails|server)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-below-routes',
      severity: 'error',
      comment: 'A feature is called by routes and processes; it never imports a route or a process.',
      from: { path: '^app/features/' },
      to: { path: '^(app/routes|app/root|server|cli|bench|scripts)/' },
    },
    {
      name: 'no-route-imported-by-a-non-route',
      severity: 'error',
      comment: 'Routes are entry points: share code through a feature or app/components, never by importing a route.',
      from: { pathNot: '^app/routes/' },
      to: { path: '^app/(routes/|root\\.tsx)' },
    },
    {
      name: 'no-server-module-in-client-code',
      severity: 'error',
      comment: 'Code that runs in the browser (components, forms, domain) must not import a *.server.* module or a server-only folder; only routes (whose loaders and actions Remix strips) and other server modules may.',
      from: { path: '^app/', pathNot: ['\\.server\\.', '^app/routes/', '^app/root\\.tsx$', '^app/entry\\.server\\.tsx$'] },
      to: { path: ['\\.server\\.', '^(db|search|emails|server|core)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'processes-are-not-imported',
      severity: 'error',
      comment: 'server/, cli/, bench/ and scripts/ are programs at the top: no lower layer imports them.',
      from: { pathNot: '^(server|cli|bench|scripts|tests)/' },
      to: { path: '^(server|cli|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|build|public/build)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
}
