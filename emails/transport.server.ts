import { Resend } from 'resend'
import { env } from '../server/env'

export type OutgoingEmail = { id: string; to: string; from: string; subject: string; html: string; text: string }

export interface MailTransport {
  name: string
  deliver(message: OutgoingEmail): Promise<{ providerId?: string }>
}

/** Resend, with the message id as idempotency key: a retried job after a lost response is not sent twice. */
export function resendTransport(apiKey: string): MailTransport {
  // The client reads RESEND_BASE_URL when it is created (tests point it at a local server).
  const resend = new Resend(apiKey)
  return {
    name: 'resend',
    async deliver(message) {
      const { data, error } = await resend.emails.send(
        { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        { idempotencyKey: message.id },
      )
      // The SDK returns errors instead of throwing; throwing makes pg-boss retry the job.
      if (error) throw new Error(`Resend refused email ${message.id}: ${error.message}`)
      return { providerId: data?.id }
    },
  }
}

/** Development: nothing leaves the machine; the row itself is the delivered mail, shown at /dev/outbox. */
export const outboxTransport: MailTransport = {
  name: 'outbox',
  async deliver() {
    return {}
  },
}

export function transportFromEnv(): MailTransport {
  const apiKey = env().RESEND_API_KEY
  return apiKey ? resendTransport(apiKey) : outboxTransport
}
