import { z } from 'zod'
import type { Tx } from '../db/client'
import { emailMessages } from '../db/schema'
import { enqueue } from '../server/jobs'
import { renderEmail } from './render.server'
import type { PropsOf, TemplateId } from './templates'

const emailAddress = z.string().email()

/**
 * Queues a mail as part of the caller's transaction: the outbox row and its delivery job commit or roll back
 * together with the change that causes the mail. Returns the message id (also the provider idempotency key).
 */
export async function sendEmail<T extends TemplateId>(
  tx: Tx,
  message: { to: string; template: T; props: PropsOf<T> },
): Promise<string> {
  if (!emailAddress.safeParse(message.to).success) {
    throw new Error(`Cannot send email "${message.template}": "${message.to}" is not an email address.`)
  }
  const rendered = await renderEmail(message.template, message.props)
  const [row] = await tx
    .insert(emailMessages)
    .values({ to: message.to, template: message.template, ...rendered })
    .returning({ id: emailMessages.id })
  if (!row) throw new Error('Inserting the email message returned no row.')
  await enqueue(tx, 'deliver-email', { messageId: row.id })
  return row.id
}
