import { matchRoutes } from '@remix-run/react'
import type { ServerBuild } from '@remix-run/node'

type RouteNode = { id: string; path?: string; caseSensitive?: boolean } & ({ index: true } | { index?: false; children: RouteNode[] })

/**
 * The Remix route a path goes to, as its pattern: `/aanmelden/status/:token` rather than the resident's secret
 * link. Matched by Remix's own matcher on the build's route tree, so the log names the route that ran.
 */
export function routePatterns(build: Pick<ServerBuild, 'routes'>): (path: string) => string | null {
  const routes = Object.values(build.routes)
  const tree = (parentId: string | undefined): RouteNode[] =>
    routes
      .filter((route) => route.parentId === parentId)
      .map(({ id, path, index, caseSensitive }) => (index ? { id, path, caseSensitive, index } : { id, path, caseSensitive, children: tree(id) }))
  const roots = tree(undefined)
  return (path) => {
    const matches = matchRoutes(roots, path)
    if (!matches) return null
    const parts = matches.map((match) => match.route.path).filter((part) => part !== undefined && part !== '')
    return `/${parts.join('/')}`
  }
}
