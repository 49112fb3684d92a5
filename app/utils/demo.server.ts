import { hasDemoData } from '#db/demo/remove'
import { db } from './db.server'

/**
 * Whether this portal holds demo data, for the "Demo-omgeving" band on every page. Asked of the database at most
 * every 30 seconds per process: `npm run demo:remove` may run while the portal serves, and the band must follow.
 */
const TTL_MS = 30_000
let cached: { at: number; value: Promise<boolean> } | undefined

export function isDemoEnvironment(): Promise<boolean> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const value = hasDemoData(db())
    cached = { at: Date.now(), value }
    // A failed query is asked again next time instead of being remembered.
    value.catch(() => (cached = undefined))
  }
  return cached.value
}
