import config from '../../remix.config.js'

/**
 * What remix-flat-routes makes of app/routes (remix.config.js), recorded with a minimal defineRoutes: the path of
 * every route file (e.g. 'routes/werkgever+/plaatsen.$id.tsx' → 'werkgever/plaatsen/:id'), without a leading slash.
 */
export async function routePaths() {
  const paths = new Map<string, string>()
  const parents: string[] = []
  type Children = () => void
  const route = (routePath: string | undefined, file: string, options?: object | Children, children?: Children) => {
    paths.set(file, [...parents, routePath ?? ''].filter(Boolean).join('/'))
    const nested = typeof options === 'function' ? options : children
    if (nested) {
      parents.push(routePath ?? '')
      nested()
      parents.pop()
    }
  }
  const defineRoutes = (define: (r: typeof route) => void) => (define(route), {})
  await (config as unknown as { routes: (d: typeof defineRoutes) => Promise<unknown> }).routes(defineRoutes)
  return paths
}
