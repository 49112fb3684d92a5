import type PgBoss from 'pg-boss'
import { env } from '../../server/env'
import { logger } from '../../server/logger'
import { db } from '../client'
import { deleteOldLoginAttempts } from '../queries/auth'
import { anonymiseClosedClients, anonymiseDecidedProposals } from '../queries/client-retention'
import { anonymiseStaleIntakes, eraseIntake } from '../queries/intake-retention'
import { purgeOldMail } from '../queries/mail-retention'

/**
 * The jobs behind the privacy duties: a daily retention run (03:30 Brussels time, when nobody works in the
 * queue: stale intakes anonymised, old login attempts deleted, old mail purged, closed client records and
 * decided proposals anonymised) and one erasure job per request, queued in the transaction that records the request.
 */
// Far longer than any rate-limit window (minutes), short enough that the table is no log of who logged in when.
const LOGIN_ATTEMPT_DAYS = 30

export type ErasureJob = { intakeId: string; requestedAt: string; via: string }

export async function registerPrivacyWorkers(boss: PgBoss) {
  await boss.schedule('intake-retention', '30 3 * * *', {}, { tz: 'Europe/Brussels' })
  await boss.work('intake-retention', { batchSize: 1 }, async () => {
    const months = env().INTAKE_RETENTION_MONTHS
    const anonymised = await db().transaction((tx) => anonymiseStaleIntakes(tx, months))
    const loginAttempts = await db().transaction((tx) => deleteOldLoginAttempts(tx, LOGIN_ATTEMPT_DAYS))
    const mail = await db().transaction((tx) => purgeOldMail(tx))
    const clientMonths = env().CLIENT_RETENTION_MONTHS
    const clients = await db().transaction((tx) => anonymiseClosedClients(tx, clientMonths))
    const proposals = await db().transaction((tx) => anonymiseDecidedProposals(tx, clientMonths))
    logger().info({ anonymised, months, loginAttempts, mail, clients, proposals, clientMonths }, 'retention run')
  })
  await boss.work<ErasureJob>('intake-erasure', { batchSize: 1 }, async ([job]) => {
    const { intakeId, requestedAt, via } = job!.data
    await db().transaction((tx) => eraseIntake(tx, intakeId, { requestedAt: new Date(requestedAt), via }))
  })
}
