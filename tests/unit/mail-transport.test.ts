import { describe, expect, it } from 'vitest'
import { hasDevOutbox, transportFromEnv } from '#emails/transport.server'
import { parseEnv } from '#core/env'

/** Where a portal's mail goes (issue 11, finding 4): the dev outbox only on a developer's portal. */
const portal = (source: Record<string, string>) => parseEnv(source as NodeJS.ProcessEnv)
const mail = { id: '00000000-0000-4000-8000-000000000000', to: 'a@example.test', from: 'b@example.test', subject: 's', html: 'h', text: 't' }

describe('the mail transport', () => {
  it('is the dev outbox on a developer’s portal without a mail provider', () => {
    const developer = portal({ PUBLIC_URL: 'http://localhost:3000' })
    expect(hasDevOutbox(developer)).toBe(true)
    expect(transportFromEnv(developer)).toMatchObject({ name: 'outbox', keepsMail: true })
  })

  it('is Resend once its key is set, also on a developer’s portal, and then there is no dev outbox', () => {
    const sources: Record<string, string>[] = [{ RESEND_API_KEY: 're_key' }, { RESEND_API_KEY: 're_key', PUBLIC_URL: 'https://stapsteen.example.be' }]
    for (const source of sources) {
      expect(hasDevOutbox(portal(source))).toBe(false)
      expect(transportFromEnv(portal(source)).name).toBe('resend')
      expect(transportFromEnv(portal(source)).keepsMail).toBeUndefined()
    }
  })

  it('refuses to deliver on a public portal without a mail provider, rather than keep the mail unread', async () => {
    const open = portal({ PUBLIC_URL: 'https://stapsteen.example.be' })
    expect(hasDevOutbox(open)).toBe(false)
    await expect(transportFromEnv(open).deliver(mail)).rejects.toThrow('No mail provider: set RESEND_API_KEY.')
  })
})
