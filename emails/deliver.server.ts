import { and, eq, isNotNull, ne, sql } from 'drizzle-orm'
import type PgBoss from 'pg-boss'
import { db } from '#db/client'
import { emailMessages } from '#db/schema'
import { env } from '#core/env'
import { logger } from '#core/logger'
import { revealSecret } from './secret.server'
import { noTransport, transportFromEnv, type MailTransport } from './transport.server'

/**
 * The 'deliver-email' job. Counting the attempt and checking the status is one statement, so a mail that
 * is already sent is never handed to the transport again, even when its job is retried; nor is a mail whose
 * body was purged. The link's secret is put into the body here, for the transport only, and its sealed copy
 * is dropped with the same statement that records the mail as sent (or given up).
 */
export async function deliverEmail(
  messageId: string,
  transport: MailTransport = transportFromEnv(),
  options: { finalAttempt?: boolean } = {},
) {
  const [message] = await db()
    .update(emailMessages)
    .set({ attempts: sql`${emailMessages.attempts} + 1` })
    .where(and(eq(emailMessages.id, messageId), ne(emailMessages.status, 'sent'), isNotNull(emailMessages.html), isNotNull(emailMessages.text)))
    .returning()
  if (!message) {
    const [existing] = await db().select({ id: emailMessages.id }).from(emailMessages).where(eq(emailMessages.id, messageId))
    if (existing) return
    throw new Error(`Email message ${messageId} does not exist.`)
  }

  try {
    const body = await revealSecret({ html: message.html!, text: message.text! }, message.sealedSecret)
    const { providerId } = await transport.deliver({ id: message.id, to: message.to, from: env().EMAIL_FROM, subject: message.subject, ...body })
    await db()
      .update(emailMessages)
      .set({
        status: 'sent',
        sentAt: new Date(),
        transport: transport.name,
        providerId: providerId ?? null,
        lastError: null,
        sealedSecret: null,
        ...(transport.keepsMail ? body : {}),
      })
      .where(eq(emailMessages.id, messageId))
  } catch (error) {
    await db()
      .update(emailMessages)
      // After the last retry the mail is marked failed, so the outbox shows it will not arrive; its secret is of no more use.
      .set({ lastError: error instanceof Error ? error.message : String(error), ...(options.finalAttempt ? { status: 'failed' as const, sealedSecret: null } : {}) })
      .where(eq(emailMessages.id, messageId))
    throw error
  }
}

/** One job per fetch, so a failing mail only fails (and retries) its own job. */
export function registerEmailWorker(boss: PgBoss, transport: MailTransport = transportFromEnv()) {
  // Said at start, so an operator learns it before the first mail fails.
  if (transport === noTransport) logger().warn('This portal is public and RESEND_API_KEY is unset: every mail fails until a mail provider is set.')
  return boss.work<{ messageId: string }>('deliver-email', { batchSize: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) {
      await deliverEmail(job.data.messageId, transport, { finalAttempt: job.retryCount >= job.retryLimit })
    }
  })
}
