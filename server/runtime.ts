import { closeDatabase, connectDatabase, type Database } from '#db/client'
import { startEmbeddedPostgres, type OwnerKind } from '#db/embedded'
import { env } from '#core/env'
import { logger } from '#core/logger'

/**
 * Gives a process its database: the external one when DATABASE_URL is set, otherwise the embedded one under
 * DATA_DIR (started, or borrowed from the `npm start` that is already running it).
 */
export async function openDatabase(kind: OwnerKind): Promise<{ db: Database; url: string; close: () => Promise<void> }> {
  const config = env()
  if (config.DATABASE_URL) {
    const db = connectDatabase(config.DATABASE_URL)
    return { db, url: config.DATABASE_URL, close: closeDatabase }
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    kind,
    log: (message) => logger().info(message),
  })
  const db = connectDatabase(embedded.url)
  return {
    db,
    url: embedded.url,
    close: async () => {
      await closeDatabase()
      await embedded.stop()
    },
  }
}
