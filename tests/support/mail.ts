import { eq } from 'drizzle-orm'
import { db } from '#db/client'
import { emailMessages } from '#db/schema'
import { deliverEmail } from '#emails/deliver.server'
import { outboxTransport } from '#emails/transport.server'

/**
 * A mail as its recipient reads it, links included. The stored row holds a mark where a link's token goes, so
 * a queued mail is first delivered through the dev outbox, which keeps what it delivered (as on a developer's
 * portal); a mail delivered already is read as it is.
 */
export async function deliveredMail(id: string) {
  await deliverEmail(id, outboxTransport)
  const [mail] = await db().select().from(emailMessages).where(eq(emailMessages.id, id))
  if (!mail?.text || !mail.html) throw new Error(`Mail ${id} is gone or was purged.`)
  return { ...mail, html: mail.html, text: mail.text }
}
