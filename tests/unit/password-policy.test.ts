import { describe, expect, it } from 'vitest'
import { passwordMessages, passwordRefusal, withPasswordPolicy } from '#app/auth/password-policy.server'
import { accountActionSchema } from '#app/features/accounts/forms'

const owner = { email: 'jana.claes@example.be', name: 'Jana Claes' }

describe('the password policy (server half)', () => {
  it('refuses passwords from the breached list, also with the usual decorations', () => {
    for (const password of ['password', 'qwerty123456', '1q2w3e4r5t6y', 'Welkom123!', 'WACHTWOORD2024', 'P@ssw0rd2024!', 'Azerty123456', '!!iloveyou!!', 'dr4g0n1234567']) {
      expect(passwordRefusal(password, owner), password).toBe(passwordMessages.breached)
    }
  })

  it('accepts passphrases and long passwords that are not on the list', () => {
    for (const password of ['een lange zin als wachtwoord', 'correct horse battery staple', 'drie koffie bij de rivier', 'zomer in januari', 'k7#Vq9!mR2@xLp4w']) {
      expect(passwordRefusal(password, owner), password).toBeUndefined()
    }
  })

  it('refuses the e-mail address, whatever its case, also inside a longer password', () => {
    expect(passwordRefusal('Jana.Claes@Example.be', owner)).toBe(passwordMessages.email)
    expect(passwordRefusal('jana.claes@example.be!!', owner)).toBe(passwordMessages.email)
  })

  it('refuses the name or a part of four letters or more, across case, accents and separators', () => {
    expect(passwordRefusal('de tuin van jana', owner)).toBe(passwordMessages.name)
    expect(passwordRefusal('Claes-bakt-brood-2024', owner)).toBe(passwordMessages.name)
    expect(passwordRefusal('ik heet elodie en wandel', { ...owner, name: 'Élodie Dubois' })).toBe(passwordMessages.name)
    // Short parts alone would refuse ordinary words ("jan" in "januari"), but the whole name counts.
    expect(passwordRefusal('zomer in januari', { ...owner, name: 'Jan De Vos' })).toBeUndefined()
    expect(passwordRefusal('JanDeVos op vakantie', { ...owner, name: 'Jan De Vos' })).toBe(passwordMessages.name)
  })

  it('shows its reason next to the length rule’s in a form’s schema, and only for the form that sets a password', () => {
    const schema = withPasswordPolicy(accountActionSchema, (value) => (value.intent === 'password-change' ? { ...owner, password: value.password } : undefined))
    const result = schema.safeParse({ intent: 'password-change', currentPassword: 'x', password: 'Welkom123!', confirm: 'Welkom123!' })
    expect(result.success).toBe(false)
    expect(result.error?.flatten().fieldErrors).toEqual({
      password: ['Het wachtwoord moet minstens 12 tekens lang zijn.', passwordMessages.breached],
    })
    expect(schema.safeParse({ intent: 'token-create' }).success).toBe(true)
    expect(schema.safeParse({ intent: 'password-change', currentPassword: 'x', password: 'drie koffie bij de rivier', confirm: 'drie koffie bij de rivier' }).success).toBe(true)
  })
})
