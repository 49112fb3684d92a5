import { randomUUID } from 'node:crypto'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import express from 'express'
import { pinoHttp } from 'pino-http'
import { bodyLimit } from './body-limit'
import { sameOriginGuard } from './csrf'
import { healthRoutes } from './health'
import { logger } from './logger'
import { cspNonce, securityHeaders } from './security-headers'

declare module '@remix-run/node' {
  interface AppLoadContext {
    requestId: string
    clientIp: string
  }
}

/** The web process: static files, health checks, the CSRF guard, the size limit of forms, then Remix. */
export function createHttpApp(build: ServerBuild, options: { trustProxy: boolean }) {
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
    }),
  )
  app.use(securityHeaders())

  // Fingerprinted build assets never change; everything else in public/ may. public/ has no api/ folder: API
  // requests skip the file lookup (a stat per request).
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  const publicFiles = express.static('public', { maxAge: '1h' })
  app.use((req, res, next) => (req.path.startsWith('/api/') ? next() : publicFiles(req, res, next)))
  app.use(healthRoutes())
  app.use(sameOriginGuard())
  app.use(bodyLimit())

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({ requestId: String(req.id), clientIp: req.ip ?? 'unknown', cspNonce: cspNonce(res) }),
    }),
  )
  return app
}
