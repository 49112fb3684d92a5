import { describe, expect, it } from 'vitest'
import { intakeLanguages } from '#domain/values'
import { answers, confirmation, fillIn, IntakeBrowser, submit } from './intake-browser'

/** Issue 16: the confirmation page said the e-mail address twice ("U krijgt een e-mail op X." and "… gestuurd naar X."). */
const SAME_ADDRESS: Record<(typeof intakeLanguages)[number], string> = {
  nl: 'Op dat adres hebben we u ook al een bevestiging gestuurd.',
  fr: 'Nous vous avons déjà envoyé une confirmation à cette adresse.',
  en: 'We have already sent a confirmation to that address.',
  ar: 'وقد أرسلنا إليك بالفعل رسالة تأكيد على هذا العنوان.',
  tr: 'Bu adrese size bir onay e-postası da gönderdik.',
  uk: 'На цю адресу ми вже надіслали вам підтвердження.',
}

async function confirmed(language: string, contact: Record<string, string>) {
  const browser = new IntakeBrowser()
  expect((await submit(browser, await fillIn(browser, language, { contact }), language)).status).toBe(302)
  return (await confirmation(browser, language)) as Awaited<ReturnType<typeof confirmation>> & { mailSent: string | null }
}

const times = (text: string, part: string) => text.split(part).length - 1

describe('the intake confirmation', () => {
  it.each(intakeLanguages)('in %s names the address once when the resident is contacted by e-mail', async (language) => {
    const email = answers().contact.email as string
    const page = await confirmed(language, { contactMethod: 'email', email })
    expect(times(`${page.next} ${page.contactWay} ${page.mailSent}`, email)).toBe(1)
    expect(page.contactWay).toContain(email)
    expect(page.mailSent).toBe(SAME_ADDRESS[language])
  })

  it('names the address in the mail sentence when the resident is called, and says nothing of a mail without an address', async () => {
    const email = answers().contact.email as string
    const called = await confirmed('nl', { contactMethod: 'phone', phone: '0470 12 34 56', email })
    expect(called.contactWay).toBe('U wordt gebeld op 0470123456.')
    expect(called.mailSent).toBe(`We hebben ook een e-mail gestuurd naar ${email}.`)

    const withoutMail = await confirmed('nl', { contactMethod: 'phone', phone: '0470 12 34 57' })
    expect(withoutMail.mailSent).toBeNull()
  })
})
