import { and, isNotNull, lt, sql } from 'drizzle-orm'
import type { Tx } from '#db/client'
import { emailMessages } from '#db/schema'

/**
 * What the portal keeps of its mail (docs/records-of-processing.md, "E-mail"): the body as long as someone may
 * ask what a mail said, the row (address, subject, template, status, times) as the record that it was sent.
 * Mails to residents go earlier, with their intake's erasure or anonymisation (db/queries/intake-retention.ts).
 */
export const MAIL_BODY_DAYS = 30
export const MAIL_RECORD_MONTHS = 12

/** Clears the bodies of mails older than MAIL_BODY_DAYS and deletes those older than MAIL_RECORD_MONTHS. */
export async function purgeOldMail(tx: Tx) {
  // By then any delivery has ended long ago: pg-boss gives up on a mail within hours.
  const bodies = await tx
    .update(emailMessages)
    .set({ html: null, text: null, sealedSecret: null })
    .where(and(lt(emailMessages.createdAt, sql`now() - make_interval(days => ${MAIL_BODY_DAYS})`), isNotNull(emailMessages.html)))
    .returning({ id: emailMessages.id })
  const records = await tx
    .delete(emailMessages)
    .where(lt(emailMessages.createdAt, sql`now() - make_interval(months => ${MAIL_RECORD_MONTHS})`))
    .returning({ id: emailMessages.id })
  return { bodies: bodies.length, records: records.length }
}
