import { sql } from 'drizzle-orm'
import { Router } from 'express'
import { db } from '#db/client'
import { jobQueue } from '#core/jobs'

const extraChecks = new Map<string, () => Promise<unknown>>()

/** Lets a subsystem (the search engine, for one) take part in /readyz. */
export function addReadinessCheck(name: string, check: () => Promise<unknown>) {
  extraChecks.set(name, check)
}

/** /healthz says the process lives; /readyz says it can serve: database, job queue and search answer. */
export function healthRoutes() {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, 'ok' | string> = {}
    const probe = async (name: string, check: () => Promise<unknown>) => {
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000)),
        ])
        checks[name] = 'ok'
      } catch (error) {
        checks[name] = error instanceof Error ? error.message : String(error)
      }
    }
    await probe('database', () => db().execute(sql`select 1`))
    await probe('jobQueue', () => jobQueue().getQueue('deliver-email'))
    for (const [name, check] of extraChecks) await probe(name, check)
    const ready = Object.values(checks).every((v) => v === 'ok')
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', checks })
  })
  return router
}
