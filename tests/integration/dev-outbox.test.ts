import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { requestPasswordReset } from '#app/auth/password.server'
import { signIn } from '#app/auth/session.server'
import { loader as root } from '#app/root'
import { loader as messageLoader } from '#app/routes/dev+/outbox.$id'
import { loader as contentLoader } from '#app/routes/dev+/outbox.$id_.inhoud'
import { loader as listLoader } from '#app/routes/dev+/outbox._index'
import { db } from '#db/client'
import { findOrganisationBySlug } from '#db/queries/organisations'
import { createUser } from '#db/seed/factories'
import { deliverEmail } from '#emails/deliver.server'
import { listOutbox } from '#emails/outbox.server'
import { env, setEnv } from '#core/env'

/**
 * Issue 11, finding 4: /dev/outbox showed every platform admin other people's set-password links, also on a
 * portal that sends real mail. It exists only on a developer's portal: no mail provider, not public.
 */
const BASE_URL = 'http://localhost:3000'
// A developer's portal, whatever the shell running the tests says.
const developerPortal = { ...env(), RESEND_API_KEY: undefined, PUBLIC_URL: undefined }
let cookie: string
let mailId: string

beforeAll(async () => {
  setEnv(developerPortal)
  const platform = (await findOrganisationBySlug(db(), 'stapsteen'))!
  const admin = await createUser(db(), { organisationId: platform.id, role: 'platform_admin' })
  cookie = (await signIn(new Request(`${BASE_URL}/inloggen`), admin.id, 'password', '/admin')).headers.get('Set-Cookie')!.split(';')[0]!
  await requestPasswordReset(admin.email, BASE_URL)
  mailId = (await listOutbox(db(), 1))[0]!.id
  await deliverEmail(mailId)
})

afterEach(() => setEnv(developerPortal))

const args = (path: string, params: Record<string, string> = {}) => ({
  request: new Request(`${BASE_URL}${path}`, { headers: { Cookie: cookie } }),
  params,
  context: { requestId: 'test', clientIp: '127.0.0.1' },
})

/** The status of the outbox pages (list, mail, the mail's HTML) for the signed-in platform admin: 200, or the status of the thrown Response. */
async function statuses() {
  const status = async (load: () => Promise<Response>) => {
    try {
      return (await load()).status
    } catch (thrown) {
      if (thrown instanceof Response) return thrown.status
      throw thrown
    }
  }
  return [
    await status(() => listLoader(args('/dev/outbox'))),
    await status(() => messageLoader(args(`/dev/outbox/${mailId}`, { id: mailId }))),
    await status(() => contentLoader(args(`/dev/outbox/${mailId}/inhoud`, { id: mailId }))),
  ]
}

const menuHasOutbox = async () => ((await (await root(args('/admin'))).json()) as { devOutbox: boolean }).devOutbox

describe('/dev/outbox', () => {
  it('shows a developer’s portal its mail, links included', async () => {
    expect(await statuses()).toEqual([200, 200, 200])
    const page = (await (await messageLoader(args(`/dev/outbox/${mailId}`, { id: mailId }))).json()) as { links: string[] }
    expect(page.links).toEqual([expect.stringMatching(/^http:\/\/localhost:3000\/wachtwoord-nieuw\?token=[\w-]{43}$/)])
    expect(await menuHasOutbox()).toBe(true)
  })

  it('does not exist once a mail provider is configured', async () => {
    setEnv({ ...developerPortal, RESEND_API_KEY: 're_live_key' })
    expect(await statuses()).toEqual([404, 404, 404])
    expect(await menuHasOutbox()).toBe(false)
  })

  it('does not exist on a public portal, even without a mail provider', async () => {
    setEnv({ ...developerPortal, PUBLIC_URL: 'https://stapsteen.example.be' })
    expect(await statuses()).toEqual([404, 404, 404])
    expect(await menuHasOutbox()).toBe(false)
  })
})
