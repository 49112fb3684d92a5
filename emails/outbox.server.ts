import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '#db/client'
import { emailMessages } from '#db/schema'
import { hasDevOutbox } from './transport.server'

const columns = {
  id: emailMessages.id,
  to: emailMessages.to,
  subject: emailMessages.subject,
  template: emailMessages.template,
  status: emailMessages.status,
  transport: emailMessages.transport,
  createdAt: emailMessages.createdAt,
  sentAt: emailMessages.sentAt,
  html: emailMessages.html,
  text: emailMessages.text,
}

/** The first line of the /dev/outbox pages: with a mail provider, or on a public portal, they do not exist. */
export function requireDevOutbox() {
  if (!hasDevOutbox()) throw new Response('Deze pagina bestaat niet.', { status: 404 })
}

/** For /dev/outbox: the newest mails first. */
export function listOutbox(tx: Tx, limit = 50) {
  return tx.select(columns).from(emailMessages).orderBy(desc(emailMessages.createdAt), desc(emailMessages.id)).limit(limit)
}

/** Undefined when there is no such mail; an id that is not a uuid (a mistyped URL) is simply not found. */
export async function getOutboxMessage(tx: Tx, id: string) {
  if (!z.string().uuid().safeParse(id).success) return undefined
  const [message] = await tx.select(columns).from(emailMessages).where(eq(emailMessages.id, id))
  return message
}
