import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { newSecret } from '#core/crypto.server'
import { db } from '#db/client'
import { emailMessages } from '#db/schema'
import { deliverEmail, registerEmailWorker } from '#emails/deliver.server'
import { getOutboxMessage, listOutbox } from '#emails/outbox.server'
import { SECRET_MARK } from '#emails/secret.server'
import { sendEmail } from '#emails/send.server'
import { outboxTransport, resendTransport, type MailTransport } from '#emails/transport.server'
import { env } from '#core/env'
import { jobQueue } from '#core/jobs'
import { fakeResend } from '#tests/support/fake-resend'

const TOKEN = newSecret()
const resetProps = { name: 'Amina', resetUrl: `https://stapsteen.example.be/wachtwoord-nieuw?token=${TOKEN}` }

function queueEmail(to = 'amina@example.be') {
  return db().transaction((tx) => sendEmail(tx, { to, template: 'password-reset', props: resetProps, secret: TOKEN }))
}

async function row(id: string) {
  const [message] = await db().select().from(emailMessages).where(eq(emailMessages.id, id))
  return message
}

async function jobsFor(id: string) {
  return db().execute<{ name: string; state: string }>(
    sql`select name, state from pgboss.job where data->>'messageId' = ${id}`,
  )
}

describe('sendEmail', () => {
  it('writes nothing when the surrounding transaction rolls back', async () => {
    let id: string | undefined
    await expect(
      db().transaction(async (tx) => {
        id = await sendEmail(tx, { to: 'amina@example.be', template: 'password-reset', props: resetProps, secret: TOKEN })
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await row(id!)).toBeUndefined()
    expect(await jobsFor(id!)).toHaveLength(0)
  })

  // Until issue 11 the row held the link as sent, token included; now it holds a mark where the token goes.
  it('queues the rendered mail, its link token sealed apart, and one deliver-email job when committed', async () => {
    const id = await queueEmail()
    const message = await row(id)
    expect(message).toMatchObject({
      to: 'amina@example.be',
      template: 'password-reset',
      subject: 'Kies een nieuw wachtwoord voor Stapsteen',
      status: 'queued',
      attempts: 0,
      sentAt: null,
    })
    expect(message?.html).toContain('lang="nl"')
    expect(message?.text).toContain(resetProps.resetUrl.replace(TOKEN, SECRET_MARK))
    expect(JSON.stringify(message)).not.toContain(TOKEN)
    expect(message?.sealedSecret).toEqual(expect.any(String))
    const jobs = await jobsFor(id)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ name: 'deliver-email', state: 'created' })
  })

  it('refuses a recipient that is not an email address, before writing anything', async () => {
    const before = await db().$count(emailMessages)
    await expect(queueEmail('amina at example.be')).rejects.toThrow('"amina at example.be" is not an email address')
    expect(await db().$count(emailMessages)).toBe(before)
  })
})

describe('deliverEmail', () => {
  it('marks the mail sent through the dev outbox', async () => {
    const id = await queueEmail()
    await deliverEmail(id, outboxTransport)
    const message = await row(id)
    expect(message).toMatchObject({ status: 'sent', transport: 'outbox', providerId: null, attempts: 1, lastError: null, sealedSecret: null })
    expect(message?.sentAt).toBeInstanceOf(Date)
    // The dev outbox is the developer's mailbox: it keeps the mail as delivered, so its link can be followed.
    expect(message?.text).toContain(resetProps.resetUrl)
    expect(await getOutboxMessage(db(), id)).toMatchObject({ id, status: 'sent', transport: 'outbox' })
    expect((await listOutbox(db(), 1))[0]?.id).toBe(id)
  })

  it('never sends the same mail twice when its job runs again', async () => {
    const id = await queueEmail()
    const delivered: string[] = []
    const counting: MailTransport = {
      name: 'counting',
      async deliver(message) {
        delivered.push(message.id)
        return { providerId: 'p-1' }
      },
    }
    await deliverEmail(id, counting)
    await deliverEmail(id, counting)
    expect(delivered).toEqual([id])
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, providerId: 'p-1', transport: 'counting' })
  })

  it('rejects an unknown message id', async () => {
    await expect(deliverEmail('00000000-0000-4000-8000-000000000000', outboxTransport)).rejects.toThrow('does not exist')
  })
})

describe('registerEmailWorker', () => {
  it('picks up the committed job and delivers its mail', async () => {
    const id = await queueEmail()
    await registerEmailWorker(jobQueue(), outboxTransport)
    try {
      await expect.poll(async () => (await row(id))?.status, { timeout: 15_000, interval: 200 }).toBe('sent')
      await expect.poll(async () => (await jobsFor(id))[0]?.state, { timeout: 5_000, interval: 100 }).toBe('completed')
    } finally {
      await jobQueue().offWork('deliver-email')
    }
  })
})

describe('outbox listing', () => {
  it('does not find an id that is not a uuid', async () => {
    expect(await getOutboxMessage(db(), 'not-a-uuid')).toBeUndefined()
  })
})

describe('Resend transport', () => {
  const originalBaseUrl = process.env.RESEND_BASE_URL
  let server: Awaited<ReturnType<typeof fakeResend>> | undefined

  afterEach(async () => {
    if (originalBaseUrl === undefined) delete process.env.RESEND_BASE_URL
    else process.env.RESEND_BASE_URL = originalBaseUrl
    await server?.close()
    server = undefined
  })

  it('posts the mail with the message id as idempotency key', async () => {
    server = await fakeResend(200, '{"id":"re_msg_123"}')
    process.env.RESEND_BASE_URL = server.url
    const id = await queueEmail()

    await deliverEmail(id, resendTransport('re_test_key'))

    expect(server.requests).toHaveLength(1)
    const request = server.requests[0]!
    expect(request.method).toBe('POST')
    expect(request.url).toBe('/emails')
    expect(request.headers.authorization).toBe('Bearer re_test_key')
    expect(request.headers['idempotency-key']).toBe(id)
    const stored = await row(id)
    // Resend gets the link with its token; the row keeps the mark, and its sealed copy of the token is gone.
    expect(JSON.parse(request.body)).toMatchObject({
      from: env().EMAIL_FROM,
      to: 'amina@example.be',
      subject: 'Kies een nieuw wachtwoord voor Stapsteen',
      html: stored?.html?.replaceAll(SECRET_MARK, TOKEN),
      text: stored?.text?.replaceAll(SECRET_MARK, TOKEN),
    })
    expect(request.body).toContain(resetProps.resetUrl)
    expect(stored).toMatchObject({ status: 'sent', transport: 'resend', providerId: 're_msg_123', attempts: 1, sealedSecret: null })
    expect(JSON.stringify(stored)).not.toContain(TOKEN)
  })

  it.each([
    [500, '{"statusCode":500,"name":"internal_server_error","message":"An unexpected error occurred."}', 'An unexpected error occurred.'],
    [422, '{"statusCode":422,"name":"validation_error","message":"Invalid `to` field."}', 'Invalid `to` field.'],
  ])('keeps the mail queued with the error when Resend answers %i', async (status, answer, reason) => {
    server = await fakeResend(status, answer)
    process.env.RESEND_BASE_URL = server.url
    const id = await queueEmail()

    await expect(deliverEmail(id, resendTransport('re_test_key'))).rejects.toThrow(reason)

    expect(server.requests).toHaveLength(1)
    const message = await row(id)
    expect(message).toMatchObject({ status: 'queued', attempts: 1, sentAt: null, providerId: null })
    expect(message?.lastError).toContain(reason)
  })

  it('marks the mail failed when its last retry fails too', async () => {
    server = await fakeResend(500, '{"statusCode":500,"name":"internal_server_error","message":"Down for maintenance."}')
    process.env.RESEND_BASE_URL = server.url
    const id = await queueEmail()

    await expect(deliverEmail(id, resendTransport('re_test_key'), { finalAttempt: true })).rejects.toThrow('Down for maintenance.')

    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, sentAt: null })
  })
})
