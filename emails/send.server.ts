import { z } from 'zod'
import type { Tx } from '#db/client'
import { emailMessages } from '#db/schema'
import { enqueue } from '#core/jobs'
import { renderEmail } from './render.server'
import { hideSecret } from './secret.server'
import type { PropsOf, SecretTemplateId, TemplateId } from './templates'

const emailAddress = z.string().email()

export type EmailMessage<T extends TemplateId> = {
  to: string
  template: T
  props: PropsOf<T>
  /** The intake a mail to a resident is about: erasing or anonymising the intake deletes the mail too. */
  intakeId?: string
} & (T extends SecretTemplateId
  ? /** The token in the mail's link (its digest stored by the caller in the same transaction). */ { secret: string }
  : { secret?: never })

/**
 * Queues a mail as part of the caller's transaction: the outbox row and its delivery job commit or roll back
 * together with the change that causes the mail. Returns the message id (also the provider idempotency key).
 */
export async function sendEmail<T extends TemplateId>(tx: Tx, message: EmailMessage<T>): Promise<string> {
  if (!emailAddress.safeParse(message.to).success) {
    throw new Error(`Cannot send email "${message.template}": "${message.to}" is not an email address.`)
  }
  const rendered = await renderEmail(message.template, message.props)
  // TypeScript cannot narrow the secret's conditional type inside this generic function; the caller's type is checked.
  const stored = await hideSecret(tx, message.template, rendered, (message as { secret?: string }).secret)
  const [row] = await tx
    .insert(emailMessages)
    .values({ to: message.to, template: message.template, intakeId: message.intakeId ?? null, ...stored })
    .returning({ id: emailMessages.id })
  if (!row) throw new Error('Inserting the email message returned no row.')
  await enqueue(tx, 'deliver-email', { messageId: row.id })
  return row.id
}
