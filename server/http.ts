import { randomUUID } from 'node:crypto'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { pinoHttp } from 'pino-http'
import { bodyLimit } from './body-limit'
import { sameOriginGuard } from './csrf'
import { healthRoutes } from './health'
import { logger } from '#core/logger'
import { errorSerializer, requestSerializer, responseSerializer } from '#core/log-serializers'
import { remixHandler } from './remix-handler'
import { isApiPath, normalRequestsOnly } from './request-path'
import { routePatterns } from './route-pattern'
import type { TrustProxy } from '#core/trust-proxy'
import { securityHeaders } from './security-headers'

declare module '@remix-run/node' {
  interface AppLoadContext {
    requestId: string
    clientIp: string
  }
}

/**
 * The web process: only requests in normal form (one path for every check and for Remix), static files, health
 * checks, the CSRF guard, the size limit of bodies, then Remix.
 */
export function createHttpApp(build: ServerBuild, options: { trustProxy: TrustProxy; assetsDir?: string }) {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy)

  app.use(
    pinoHttp({
      logger: logger(),
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id']
        const id = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID()
        res.setHeader('X-Request-Id', id)
        return id
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      // The request line names the route, never the URL or headers (tokens, cookies): core/log-serializers.ts.
      wrapSerializers: false,
      serializers: { req: requestSerializer(routePatterns(build)), res: responseSerializer, err: errorSerializer },
    }),
  )
  app.use(securityHeaders())

  app.use(normalRequestsOnly())

  // Fingerprinted build assets never change; everything else in public/ may. public/ has no api/ folder: API
  // requests skip the file lookup (a stat per request).
  // (`npm start` serves its own build folder's assets: server/build-cache.ts.)
  app.use('/build', express.static(options.assetsDir ?? 'public/build', { immutable: true, maxAge: '1y' }))
  const publicFiles = express.static('public', { maxAge: '1h' })
  app.use((req, res, next) => (isApiPath(req.path) ? next() : publicFiles(req, res, next)))
  app.use(healthRoutes())
  app.use(sameOriginGuard())
  app.use(bodyLimit())

  app.all('*', remixHandler(build))
  return app
}
