import { and, eq, ne, sql } from 'drizzle-orm'
import type PgBoss from 'pg-boss'
import { db } from '../db/client'
import { emailMessages } from '../db/schema'
import { env } from '../server/env'
import { transportFromEnv, type MailTransport } from './transport.server'

/**
 * The 'deliver-email' job. Counting the attempt and checking the status is one statement, so a mail that
 * is already sent is never handed to the transport again, even when its job is retried.
 */
export async function deliverEmail(
  messageId: string,
  transport: MailTransport = transportFromEnv(),
  options: { finalAttempt?: boolean } = {},
) {
  const [message] = await db()
    .update(emailMessages)
    .set({ attempts: sql`${emailMessages.attempts} + 1` })
    .where(and(eq(emailMessages.id, messageId), ne(emailMessages.status, 'sent')))
    .returning()
  if (!message) {
    const [existing] = await db().select({ id: emailMessages.id }).from(emailMessages).where(eq(emailMessages.id, messageId))
    if (existing) return
    throw new Error(`Email message ${messageId} does not exist.`)
  }

  try {
    const { providerId } = await transport.deliver({
      id: message.id,
      to: message.to,
      from: env().EMAIL_FROM,
      subject: message.subject,
      html: message.html,
      text: message.text,
    })
    await db()
      .update(emailMessages)
      .set({ status: 'sent', sentAt: new Date(), transport: transport.name, providerId: providerId ?? null, lastError: null })
      .where(eq(emailMessages.id, messageId))
  } catch (error) {
    await db()
      .update(emailMessages)
      // After the last retry the mail is marked failed, so the outbox shows it will not arrive.
      .set({ lastError: error instanceof Error ? error.message : String(error), ...(options.finalAttempt ? { status: 'failed' as const } : {}) })
      .where(eq(emailMessages.id, messageId))
    throw error
  }
}

/** One job per fetch, so a failing mail only fails (and retries) its own job. */
export function registerEmailWorker(boss: PgBoss, transport: MailTransport = transportFromEnv()) {
  return boss.work<{ messageId: string }>('deliver-email', { batchSize: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      await deliverEmail(job.data.messageId, transport, { finalAttempt: job.retryCount >= job.retryLimit })
    }
  })
}
