import type PgBoss from 'pg-boss'
import { env } from '#core/env'
import { logger } from '#core/logger'
import { db } from '#db/client'
import { anonymiseClosedClients, anonymiseDecidedProposals } from '#db/queries/client-retention'
import { anonymiseStaleIntakes, eraseIntake } from '#db/queries/intake-retention'
import { deleteForgottenLoginThrottles } from '#db/queries/login-throttle'
import { purgeOldMail } from '#db/queries/mail-retention'
import { pruneChanges } from '#db/queries/placement-changes'
import { deleteOldSearchTermMisses } from '#db/queries/search-term-misses'

/**
 * The jobs behind the privacy duties: a daily retention run (03:30 Brussels time, when nobody works in the
 * queue: stale intakes anonymised, forgotten login failures deleted, old mail purged, closed client records and
 * decided proposals anonymised, old placement changes pruned, search terms older than 90 days deleted) and one erasure job per request, queued in the transaction that records the request.
 */
export type ErasureJob = { intakeId: string; requestedAt: string; via: string }

export async function registerPrivacyWorkers(boss: PgBoss) {
  await boss.schedule('intake-retention', '30 3 * * *', {}, { tz: 'Europe/Brussels' })
  await boss.work('intake-retention', { batchSize: 1 }, async () => {
    const months = env().INTAKE_RETENTION_MONTHS
    const anonymised = await db().transaction((tx) => anonymiseStaleIntakes(tx, months))
    const loginThrottles = await db().transaction((tx) => deleteForgottenLoginThrottles(tx))
    const mail = await db().transaction((tx) => purgeOldMail(tx))
    const clientMonths = env().CLIENT_RETENTION_MONTHS
    const clients = await db().transaction((tx) => anonymiseClosedClients(tx, clientMonths))
    const proposals = await db().transaction((tx) => anonymiseDecidedProposals(tx, clientMonths))
    const placementChanges = await db().transaction((tx) => pruneChanges(tx))
    const searchTerms = await db().transaction((tx) => deleteOldSearchTermMisses(tx))
    logger().info({ anonymised, months, loginThrottles, mail, clients, proposals, clientMonths, placementChanges, searchTerms }, 'retention run')
  })
  await boss.work<ErasureJob>('intake-erasure', { batchSize: 1 }, async ([job]) => {
    const { intakeId, requestedAt, via } = job!.data
    await db().transaction((tx) => eraseIntake(tx, intakeId, { requestedAt: new Date(requestedAt), via }))
  })
}
