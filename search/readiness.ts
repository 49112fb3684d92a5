import { logger } from '#core/logger'
import { searchEngine } from './engine'

/**
 * Called once at start by the web server (after the database is up): the engine's settings are applied, and the
 * returned check lets /readyz also ask the search engine. An engine that is down does not stop the start: search pages say it is
 * unavailable, /readyz says why, and the index jobs wait for it (search/sync.ts).
 */
export async function startSearch() {
  const engine = searchEngine()
  try {
    await engine.applySettings()
  } catch (error) {
    logger().warn({ err: error, engine: engine.name }, 'search engine not ready at start; its settings are applied when it returns')
  }
  return () => engine.health()
}
