import { Resend } from 'resend'
import { type Env, env, isPublicPortal } from '#core/env'

export type OutgoingEmail = { id: string; to: string; from: string; subject: string; html: string; text: string }

export interface MailTransport {
  name: string
  /** The dev outbox only: the row keeps the mail as delivered, link secrets included, for /dev/outbox. */
  keepsMail?: boolean
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
  keepsMail: true,
  async deliver() {
    return {}
  },
}

/** A public portal without a mail provider: its mail fails where an operator sees it, instead of waiting unread. */
export const noTransport: MailTransport = {
  name: 'none',
  async deliver() {
    throw new Error('No mail provider: set RESEND_API_KEY. A public portal keeps no dev outbox.')
  },
}

/**
 * The dev outbox is a developer's mailbox: whoever reads it can follow anyone's set-password link. So it exists
 * only while no mail provider is configured, and never on a public portal.
 */
export const hasDevOutbox = (config: Env = env()) => !config.RESEND_API_KEY && !isPublicPortal(config)

export function transportFromEnv(config: Env = env()): MailTransport {
  if (config.RESEND_API_KEY) return resendTransport(config.RESEND_API_KEY)
  return hasDevOutbox(config) ? outboxTransport : noTransport
}
